package io.gloss.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user's membership of a project, by username (Keycloak users have no local row). */
@Entity
@Table(name = "project_member")
public class ProjectMember extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(name = "added_at")
    public Instant addedAt;

    public static ProjectMember of(long projectId, String username) {
        ProjectMember member = new ProjectMember();
        member.id = new Key(projectId, username);
        member.addedAt = Instant.now();
        return member;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "project_id")
        public Long projectId;
        public String username;

        public Key() {
        }

        public Key(Long projectId, String username) {
            this.projectId = projectId;
            this.username = username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, username);
        }
    }

    /** The members' usernames, in order. */
    public static List<String> usernamesOf(long projectId) {
        return ProjectMember.<ProjectMember>list("id.projectId = ?1 order by id.username", projectId).stream()
                .map(m -> m.id.username).toList();
    }

    /** The ids of the projects {@code username} is a member of, in order. */
    public static List<Long> projectIdsOf(String username) {
        return ProjectMember.<ProjectMember>list("id.username = ?1 order by id.projectId", username).stream()
                .map(m -> m.id.projectId).toList();
    }
}
