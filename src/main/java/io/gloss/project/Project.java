package io.gloss.project;

import io.gloss.web.GlossException;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A desk or dataset effort: owns a label set, guidelines, members and articles. */
@Entity
public class Project extends PanacheEntity {

    public String name;

    public String description;

    /** Markdown shown beside the article on the annotation page. */
    public String guidelines;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Distinct editors each article is assigned to (1 to {@link #MAX_ANNOTATORS}). */
    @Column(name = "annotators_per_article")
    public int annotatorsPerArticle = 1;

    /** An editor sees others' spans on an article only after marking their own work on it done. */
    public boolean blind;

    /** When an admin archived the project: it is read-only until unarchived. Null while active. */
    @Column(name = "archived_at")
    public Instant archivedAt;

    /** Who archived it (a username), null while active. */
    @Column(name = "archived_by")
    public String archivedBy;

    public static final int MAX_ANNOTATORS = 10;

    public boolean isArchived() {
        return archivedAt != null;
    }

    /**
     * The one rule of an archived project: nothing in it changes but its unarchiving. Every write
     * resolves its project through {@link ProjectService#requireWritable} or calls this.
     */
    public Project requireWritable() {
        if (archivedAt != null) {
            throw GlossException.conflict("project_archived", "Project “" + name
                    + "” is archived; an admin can unarchive it on its settings page.");
        }
        return this;
    }

    /** Every project, by name. */
    public static List<Project> allByName() {
        return list("order by name");
    }

    /** The projects {@code username} is a member of, by name. */
    public static List<Project> ofMember(String username) {
        return list("id in (select m.id.projectId from ProjectMember m where m.id.username = ?1) order by name", username);
    }

    /** The names of these projects by id; ids of projects that do not exist are left out. */
    public static Map<Long, String> names(Collection<Long> ids) {
        return getEntityManager().createQuery("select p.id, p.name from Project p where p.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    public static boolean nameTaken(String name) {
        return count("name", name) > 0;
    }
}
