package io.gloss.project;

import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.List;

/** A tag of a project's label set (CLAIM, ACTOR, LOCATION, ...). */
@Entity
public class Label extends PanacheEntity {

    /** The colour of a label created without one. */
    public static final String DEFAULT_COLOR = "#888888";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    /** Stable key used by the API and exports, e.g. {@code ACTOR}. */
    @Column(name = "label_key")
    public String key;

    public String name;

    /** {@code #rrggbb}. */
    public String color;

    /** One lower-case character pressed on the annotation page, or null. */
    public String shortcut;

    public String description;

    /** Whether spans with this label link to a canonical entity (actors and locations do). */
    @Column(name = "links_entity")
    public boolean linksEntity;

    /** The attribute definitions of its spans, JSON text ({@link LabelAttributes}); null: none. */
    public String attributes;

    @Column(name = "sort_order")
    public int sortOrder;

    /** When an admin retired the label: its spans keep it, new spans cannot take it. Null while in use. */
    @Column(name = "retired_at")
    public java.time.Instant retiredAt;

    public static List<Label> ofProject(long projectId) {
        return list("project.id = ?1 order by sortOrder, id", projectId);
    }

    /** The project's label with this key, or 400 naming the key. */
    public static Label require(long projectId, String key) {
        if (key == null || key.isBlank()) {
            throw GlossException.badRequest("label", "label is required: the key of one of the project's labels.");
        }
        Label label = find("project.id = ?1 and key = ?2", projectId, key.strip()).firstResult();
        if (label == null) {
            throw GlossException.badRequest("label", "This project has no label \"" + Texts.excerpt(key) + "\".");
        }
        return label;
    }

    /** The project's label with this key for a new or changed span: a retired one is a 400 that says so. */
    public static Label requireActive(long projectId, String key) {
        Label label = require(projectId, key);
        if (label.retiredAt != null) {
            throw GlossException.badRequest("label", "The label " + label.name + " is retired: spans that have it keep it, new ones cannot take it.");
        }
        return label;
    }

    /** The project's label with this key, or 404. */
    public static Label ofKey(long projectId, String key) {
        Label label = key == null ? null : find("project.id = ?1 and key = ?2", projectId, key.strip()).firstResult();
        if (label == null) {
            throw GlossException.notFound("Label " + key);
        }
        return label;
    }

    public static boolean keyTaken(long projectId, String key) {
        return count("project.id = ?1 and key = ?2", projectId, key) > 0;
    }

    /** Whether another label of the project than {@code except} (null: any) has this shortcut. */
    public static boolean shortcutTaken(long projectId, String shortcut, Label except) {
        return count("project.id = ?1 and shortcut = ?2 and id <> ?3", projectId, shortcut, except == null ? -1L : except.id) > 0;
    }

    /** How many labels the project has (a new label goes last). */
    public static int countOf(long projectId) {
        return (int) count("project.id", projectId);
    }
}
