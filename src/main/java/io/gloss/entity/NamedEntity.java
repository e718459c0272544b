package io.gloss.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A project's canonical actor, location or topic (table {@code entity}): the one Volodymyr
 * Zelensky that spans spelled Zelensky, Zelenskyy or Zelenskiy link to. {@link #type} is the key
 * of a label that links entities; {@link #qid} an optional Wikidata id. Other names are
 * {@link EntityAlias} rows.
 */
@Entity
@Table(name = "entity")
public class NamedEntity extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    public String name;

    @Column(name = "entity_type")
    public String type;

    public String qid;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The project's entities, oldest first. */
    public static List<NamedEntity> ofProject(long projectId) {
        return list("projectId = ?1 order by id", projectId);
    }

    /** The project's entity of this type whose name is exactly this one, if any. */
    static NamedEntity named(long projectId, String type, String name) {
        return find("projectId = ?1 and type = ?2 and name = ?3", projectId, type, name).firstResult();
    }

    /**
     * These entities, for the annotations that link to them. Like {@code Annotation.mergedAuthors}
     * it never flushes first: an annotation being written would count twice in its version.
     */
    static List<NamedEntity> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : getEntityManager().createQuery("from NamedEntity where id in :ids", NamedEntity.class)
                .setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT).getResultList();
    }
}
