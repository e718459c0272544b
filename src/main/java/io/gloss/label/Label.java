package io.gloss.label;

import io.gloss.project.Project;
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

    @Column(name = "sort_order")
    public int sortOrder;

    public static List<Label> ofProject(long projectId) {
        return list("project.id = ?1 order by sortOrder, id", projectId);
    }
}
