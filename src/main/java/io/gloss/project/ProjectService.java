package io.gloss.project;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.OidcSwitch;
import io.gloss.auth.UserAccount;
import io.gloss.db.Timestamps;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Projects and who may see them. Admins are members of every project; everybody else sees a
 * project only when they are a member, and a project they may not see answers 404, never 403,
 * so that its existence does not leak.
 */
@ApplicationScoped
public class ProjectService {

    public static final int MAX_NAME_CHARS = 200;
    static final int MAX_DESCRIPTION_CHARS = 10_000;
    static final int MAX_GUIDELINES_CHARS = 100_000;

    @Inject
    CurrentUser currentUser;

    @Inject
    io.gloss.audit.AuditService audit;

    @Inject
    NewsPreset newsPreset;

    /**
     * With Keycloak on, users need no local account, and Gloss cannot ask Keycloak who exists:
     * any well-formed username may then be added. Without it, only local accounts exist.
     */
    @Inject
    OidcSwitch oidc;

    public List<Project> visibleProjects() {
        if (currentUser.isAdmin()) {
            return Project.allByName();
        }
        return Project.ofMember(currentUser.username());
    }

    /** The project, if the current user may see it; otherwise 404. */
    public Project require(Long projectId) {
        Project project = projectId == null ? null : Project.findById(projectId);
        if (project == null || !canSee(project.id)) {
            throw GlossException.notFound("Project " + projectId);
        }
        return project;
    }

    /**
     * The project, for a change in it: 404 as {@link #require}, and 409 {@code project_archived}
     * while it is archived. Every write in a project resolves it here (or through
     * {@link Project#requireWritable} when it holds the project already).
     */
    public Project requireWritable(Long projectId) {
        return require(projectId).requireWritable();
    }

    public boolean canSee(long projectId) {
        return seesAll() || isMember(projectId, currentUser.username());
    }

    /** Admins see every project; anyone else only those they are a member of. */
    public boolean seesAll() {
        return currentUser.isAdmin();
    }

    public static boolean isMember(long projectId, String username) {
        return username != null && ProjectMember.findById(new ProjectMember.Key(projectId, username)) != null;
    }

    /**
     * A new project, empty or with a preset's labels ({@code "news"}: Claim, Actor, Location) and,
     * when none are given, its guidelines.
     */
    @Transactional
    public Project create(String name, String description, String guidelines, String preset) {
        boolean news = preset != null && !preset.isBlank();
        if (news && !NewsPreset.NAME.equals(preset.strip())) {
            throw GlossException.badRequest("preset", "The only preset is \"news\" (Claim, Actor, Location); leave it out for an empty project.");
        }
        Project project = new Project();
        describe(project, name, description, news && (guidelines == null || guidelines.isBlank()) ? NewsPreset.guidelines() : guidelines);
        project.createdAt = Instant.now();
        project.persist();
        audit.record(project.id, "project", project.id, "create", null, ProjectView.of(project));
        if (news) {
            newsPreset.addLabels(project);
        }
        return project;
    }

    /**
     * An admin changes the project: its name, texts and how its articles are annotated. Absent
     * settings keep their value; the name and texts are replaced, as the form sends them all.
     * {@code archived} alone archives or unarchives it; while it is archived, unarchiving is the
     * only change accepted (with others in the same request, they apply once it is unarchived).
     */
    @Transactional
    public Project update(Long projectId, String name, String description, String guidelines,
            Integer annotatorsPerArticle, Boolean blind, Boolean archived) {
        Project project = require(projectId);
        if (Boolean.FALSE.equals(archived)) {
            unarchive(project);
        }
        boolean settings = name != null || description != null || guidelines != null || annotatorsPerArticle != null
                || blind != null;
        if (settings || archived == null) {
            project.requireWritable();
            ProjectView before = ProjectView.of(project);
            if (annotatorsPerArticle != null) {
                if (annotatorsPerArticle < 1 || annotatorsPerArticle > Project.MAX_ANNOTATORS) {
                    throw GlossException.badRequest("annotatorsPerArticle",
                            "Each article is annotated by 1 to " + Project.MAX_ANNOTATORS + " editors.");
                }
                project.annotatorsPerArticle = annotatorsPerArticle;
            }
            if (blind != null) {
                project.blind = blind;
            }
            describe(project, name, description, guidelines);
            audit.record(project.id, "project", project.id, "update", before, ProjectView.of(project));
        }
        if (Boolean.TRUE.equals(archived)) {
            archive(project);
        }
        return project;
    }

    /** Archives or unarchives the project (the settings page's buttons); archiving an archived one is a 409. */
    @Transactional
    public Project setArchived(Long projectId, boolean archived) {
        Project project = require(projectId);
        if (archived) {
            archive(project);
        } else {
            unarchive(project);
        }
        return project;
    }

    /** Read-only from now on: every write in the project is refused until it is unarchived. */
    private void archive(Project project) {
        project.requireWritable();
        ProjectView before = ProjectView.of(project);
        project.archivedAt = Timestamps.now();
        project.archivedBy = currentUser.username();
        audit.record(project.id, "project", project.id, "archive", before, ProjectView.of(project));
    }

    private void unarchive(Project project) {
        if (!project.isArchived()) {
            return;
        }
        ProjectView before = ProjectView.of(project);
        project.archivedAt = null;
        project.archivedBy = null;
        audit.record(project.id, "project", project.id, "unarchive", before, ProjectView.of(project));
    }

    /** Name (required, unique) and texts, checked against their limits. */
    private static void describe(Project project, String name, String description, String guidelines) {
        if (name == null || name.isBlank()) {
            throw GlossException.badRequest("name", "A project needs a name.");
        }
        String trimmed = Texts.limit("name", name.strip(), MAX_NAME_CHARS);
        Texts.limit("description", description, MAX_DESCRIPTION_CHARS);
        Texts.limit("guidelines", guidelines, MAX_GUIDELINES_CHARS);
        if (!trimmed.equals(project.name) && Project.nameTaken(trimmed)) {
            throw GlossException.conflict("duplicate", "A project named \"" + trimmed + "\" exists already.");
        }
        project.name = trimmed;
        project.description = description;
        project.guidelines = guidelines;
    }

    @Transactional
    /** @return the member's username, as stored */
    public String addMember(Long projectId, String username) {
        Project project = requireWritable(projectId);
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{2,100}")) {
            throw GlossException.badRequest("username", "Name the user to add: 2 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        String name = username.strip();
        if (!oidc.isOn() && UserAccount.findByUsername(name).isEmpty()) {
            throw new GlossException(404, "not_found", "There is no user " + name + ": create the account first.");
        }
        if (!isMember(project.id, name)) {
            ProjectMember.of(project.id, name).persist();
            audit.record(project.id, "project", project.id, "add_member", null, java.util.Map.of("username", name));
        }
        return name;
    }

    /** Removing a member hides the project from them at once; their annotations stay. */
    @Transactional
    public void removeMember(Long projectId, String username) {
        Project project = requireWritable(projectId);
        ProjectMember member = ProjectMember.findById(new ProjectMember.Key(project.id, username));
        if (member == null) {
            throw GlossException.notFound("Member " + username + " of this project");
        }
        member.delete();
        audit.record(project.id, "project", project.id, "remove_member", java.util.Map.of("username", username), null);
    }

    public List<String> members(Project project) {
        return ProjectMember.usernamesOf(project.id);
    }
}
