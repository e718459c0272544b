package io.gloss.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what to which record, when, with the record before and after (JSON text). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    /** The kind of record, e.g. {@code annotation}. */
    public String entity;

    @Column(name = "entity_id")
    public Long entityId;

    /** {@code create}, {@code update}, {@code delete}, {@code approve}, {@code reject}. */
    public String action;

    public String actor;

    public Instant at;

    @Column(name = "before_json")
    public String before;

    @Column(name = "after_json")
    public String after;
}
