package io.gloss.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** A desk or dataset effort: owns a label set, guidelines, members and articles. */
@Entity
public class Project extends PanacheEntity {

    public String name;

    public String description;

    /** Markdown shown beside the article on the annotation page. */
    public String guidelines;

    @Column(name = "created_at")
    public Instant createdAt;
}
