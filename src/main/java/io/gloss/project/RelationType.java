package io.gloss.project;

import io.gloss.web.GlossException;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A kind of relation between two spans of an article (ATTRIBUTED_TO: a claim → the actor who made
 * it), with the labels each end may carry. Part of the project's label set: admins define them.
 */
@Entity
@Table(name = "relation_type")
public class RelationType extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    /** Stable key used by the API and exports, e.g. {@code ATTRIBUTED_TO}. */
    @Column(name = "type_key")
    public String key;

    public String name;

    /** Label keys the relation may start from, comma-separated. */
    @Column(name = "from_labels")
    public String fromLabels;

    /** Label keys the relation may point to, comma-separated. */
    @Column(name = "to_labels")
    public String toLabels;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> from() {
        return Arrays.asList(fromLabels.split(","));
    }

    public List<String> to() {
        return Arrays.asList(toLabels.split(","));
    }

    public static List<RelationType> ofProject(long projectId) {
        return list("project.id = ?1 order by id", projectId);
    }

    /** The project's relation type with this key, or 400 naming it. */
    public static RelationType require(long projectId, String key) {
        if (key == null || key.isBlank()) {
            throw GlossException.badRequest("type", "type is required: the key of one of the project's relation types.");
        }
        RelationType type = find("project.id = ?1 and key = ?2", projectId, key.strip()).firstResult();
        if (type == null) {
            throw GlossException.badRequest("type", "This project has no relation type \"" + io.gloss.web.Texts.excerpt(key) + "\".");
        }
        return type;
    }

    static boolean keyTaken(long projectId, String key) {
        return count("project.id = ?1 and key = ?2", projectId, key) > 0;
    }
}
