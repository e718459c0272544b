package io.gloss.assignment;

import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.OidcSwitch;
import io.gloss.auth.Role;
import io.gloss.auth.UserAccount;
import io.gloss.db.Timestamps;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who annotates what: admins hand articles out, by hand or spread evenly; editors move their
 * own assignments on; DONE freezes an editor's spans on the article until an admin reopens it.
 * Every change is a change members see ({@code assignment} events), editors only their own.
 */
@ApplicationScoped
public class AssignmentService {

    /** At most this many articles in one {@code articleIds} list: one request, one transaction. */
    static final int MAX_ARTICLES = 100_000;
    /** Assignments written before the session lets go of them (see {@link #distribute}). */
    private static final int SESSION_BATCH = 200;

    /** The answer to handing articles out; {@code unfilled}: articles still short of editors (too few editors named). */
    public record Distributed(int created, List<AssignmentView> items, int unfilled) {
    }

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audit;

    @Inject
    OidcSwitch oidc;

    /**
     * Gives each article (every article short of editors when {@code articleIds} is null) the
     * project's number of distinct editors, load balanced over {@code editors}.
     */
    @Transactional
    public Distributed distribute(Long projectId, List<String> editors, List<Long> articleIds) {
        Project project = projects.requireWritable(projectId);
        List<String> pool = editors(project, editors);
        List<Long> targets = articleIds == null ? Assignment.articlesShortOf(project.id, project.annotatorsPerArticle)
                : articles(project, articleIds);
        Map<Long, Set<String>> assignees = Assignment.assigneesOf(project.id, targets);
        List<Distribution.Pick> picks = Distribution.distribute(targets, assignees, pool,
                Assignment.loads(project.id), project.annotatorsPerArticle);
        List<AssignmentView> created = new ArrayList<>(picks.size());
        for (Distribution.Pick pick : picks) {
            created.add(create(project.id, pick.articleId(), pick.username()));
            assignees.computeIfAbsent(pick.articleId(), id -> new LinkedHashSet<>()).add(pick.username());
            if (created.size() % SESSION_BATCH == 0) {
                // Each change's cursor flushes the session, which checks every entity in it: let
                // go of those written, or thousands of assignments cost a quadratic time.
                Assignment.getEntityManager().flush();
                Assignment.getEntityManager().clear();
            }
        }
        int unfilled = (int) targets.stream()
                .filter(id -> assignees.getOrDefault(id, Set.of()).size() < project.annotatorsPerArticle).count();
        return new Distributed(created.size(), created, unfilled);
    }

    /** Assigns one article to one editor, whatever the project's number per article. */
    @Transactional
    public AssignmentView assign(Long projectId, Long articleId, String username) {
        Project project = projects.requireWritable(projectId);
        long article = articles(project, articleId == null ? List.of() : List.of(articleId)).get(0);
        String editor = editors(project, username == null ? null : List.of(username)).get(0);
        if (Assignment.of(article, editor) != null) {
            throw GlossException.conflict("duplicate", editor + " is assigned to this article already.");
        }
        return create(project.id, article, editor);
    }

    /** A page of a project's assignments; an editor who is neither reviewer nor admin sees only their own. */
    public Page<AssignmentView> list(Long projectId, String username, String state, Long articleId, String after,
            Integer limit) {
        Project project = projects.require(projectId);
        String who = username == null || username.isBlank() ? null : username.strip();
        if (!seesEveryonesWork()) {
            if (who != null && !who.equals(currentUser.username())) {
                throw GlossException.forbidden("Editors see their own assignments only.");
            }
            who = currentUser.username();
        }
        AssignmentState wanted = state == null || state.isBlank() ? null : AssignmentState.parse("state", state);
        int size = Page.limit(limit);
        List<Assignment> found = Assignment.search(project.id, who, wanted, articleId, Page.after(after), size + 1);
        boolean more = found.size() > size;
        List<Assignment> page = more ? found.subList(0, size) : found;
        return new Page<>(page.stream().map(AssignmentView::of).toList(),
                more ? String.valueOf(page.get(page.size() - 1).id) : null);
    }

    /**
     * The assignee moves their assignment on (DONE when their work is finished); only an admin
     * moves one back out of DONE, which unfreezes the assignee's spans.
     */
    @Transactional
    public AssignmentView changeState(Long id, String state) {
        Assignment assignment = requireWritable(id);
        boolean admin = currentUser.isAdmin();
        if (!admin && !assignment.username.equals(currentUser.username())) {
            throw GlossException.forbidden("Only " + assignment.username + ", whose assignment this is, or an admin may change it.");
        }
        AssignmentState target = AssignmentState.parse("state", state);
        if (target == assignment.state) {
            return AssignmentView.of(assignment);
        }
        if (assignment.state == AssignmentState.DONE && !admin) {
            throw GlossException.conflict("done", "You marked this article done; only an admin can reopen it.")
                    .with("current", AssignmentView.of(assignment));
        }
        return move(assignment, target);
    }

    /** Removes an assignment (the editor's spans stay); returns its project's id. */
    @Transactional
    public long delete(Long id) {
        Assignment assignment = requireWritable(id);
        AssignmentView before = AssignmentView.of(assignment);
        assignment.delete();
        audit.recordChange(assignment.projectId, assignment.articleId, "assignment", assignment.id, "delete", before, null);
        return assignment.projectId;
    }

    /**
     * The editor's first span on an article moves their assignment to IN_PROGRESS; a DONE one
     * refuses the span (409). Runs in the annotation's transaction: both commit or neither.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startWork(long articleId, String username) {
        Assignment assignment = Assignment.of(articleId, username);
        if (assignment == null) {
            return;
        }
        refuseIfDone(assignment);
        if (assignment.state == AssignmentState.ASSIGNED) {
            move(assignment, AssignmentState.IN_PROGRESS);
        }
    }

    /** Refuses (409) to change an editor's spans on an article they have marked done. */
    public void requireOpen(long articleId, String username) {
        Assignment assignment = Assignment.of(articleId, username);
        if (assignment != null) {
            refuseIfDone(assignment);
        }
    }

    /** The current user's assignment on the article, if they have one. */
    public Optional<AssignmentView> mine(long articleId) {
        return Optional.ofNullable(Assignment.of(articleId, currentUser.username())).map(AssignmentView::of);
    }

    /**
     * Whether the current user may see only their own spans on the article: in a blind project,
     * an editor sees the others' once they have marked their own work on it done. Reviewers and
     * admins see everything, as they judge it.
     */
    public boolean hidesOthers(Project project, long articleId) {
        if (!project.blind || seesEveryonesWork()) {
            return false;
        }
        Assignment mine = Assignment.of(articleId, currentUser.username());
        return mine == null || mine.state != AssignmentState.DONE;
    }

    /** Reviewers and admins see every editor's assignments and, in blind projects, spans. */
    public boolean seesEveryonesWork() {
        return currentUser.isAdmin() || currentUser.isReviewer();
    }

    private Assignment require(Long id) {
        Assignment assignment = id == null ? null : Assignment.findById(id);
        if (assignment == null || !projects.canSee(assignment.projectId)
                || !seesEveryonesWork() && !assignment.username.equals(currentUser.username())) {
            throw GlossException.notFound("Assignment " + id);
        }
        return assignment;
    }

    /** The assignment, for a change: 409 while its project is archived. */
    private Assignment requireWritable(Long id) {
        Assignment assignment = require(id);
        projects.requireWritable(assignment.projectId);
        return assignment;
    }

    private static void refuseIfDone(Assignment assignment) {
        if (assignment.state == AssignmentState.DONE) {
            throw GlossException.conflict("assignment_done",
                    "You marked your work on this article done, which froze your spans; an admin can reopen it.")
                    .with("current", AssignmentView.of(assignment));
        }
    }

    private AssignmentView create(long projectId, long articleId, String username) {
        Assignment assignment = new Assignment();
        assignment.projectId = projectId;
        assignment.articleId = articleId;
        assignment.username = username;
        assignment.state = AssignmentState.ASSIGNED;
        assignment.createdAt = Timestamps.now();
        assignment.updatedAt = assignment.createdAt;
        assignment.persist();
        AssignmentView view = AssignmentView.of(assignment);
        audit.recordChange(projectId, articleId, "assignment", assignment.id, "create", null, view);
        return view;
    }

    private AssignmentView move(Assignment assignment, AssignmentState target) {
        AssignmentView before = AssignmentView.of(assignment);
        assignment.state = target;
        assignment.updatedAt = Timestamps.now();
        AssignmentView after = AssignmentView.of(assignment);
        audit.recordChange(assignment.projectId, assignment.articleId, "assignment", assignment.id,
                target == AssignmentState.DONE ? "done" : "update", before, after);
        return after;
    }

    /** The editors named, distinct and in order: members of the project who may annotate. */
    private List<String> editors(Project project, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw GlossException.badRequest("editors", "Name the editors to assign, by username.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            String username = name == null ? "" : name.strip();
            if (!ProjectService.isMember(project.id, username)) {
                throw GlossException.badRequest("editors", username + " is not a member of this project: add them first.");
            }
            if (!mayAnnotate(username)) {
                throw GlossException.badRequest("editors", username + " is not an active editor, so cannot annotate.");
            }
            distinct.add(username);
        }
        return new ArrayList<>(distinct);
    }

    /** The project's members who may be given articles, by name. */
    public List<String> assignableEditors(Project project) {
        return projects.members(project).stream().filter(this::mayAnnotate).toList();
    }

    /** An active local editor; with Keycloak on, roles live there, so a name without a local account is taken at its word. */
    private boolean mayAnnotate(String username) {
        Optional<UserAccount> account = UserAccount.findByUsername(username);
        if (account.isEmpty()) {
            return oidc.isOn();
        }
        return account.get().active && account.get().roleList().contains(Role.EDITOR);
    }

    /** The ids, checked to be articles of the project (404 naming the first that is not). */
    private static List<Long> articles(Project project, List<Long> ids) {
        if (ids.isEmpty()) {
            throw GlossException.badRequest("articleIds", "Name the articles to assign, or leave articleIds out for every article short of editors.");
        }
        if (ids.size() > MAX_ARTICLES) {
            throw GlossException.badRequest("articleIds", "At most " + MAX_ARTICLES + " articles at once.");
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.contains(null)) {
            throw GlossException.badRequest("articleIds", "articleIds holds an empty id.");
        }
        Set<Long> found = Assignment.articlesOf(project.id, distinct);
        distinct.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
            throw new GlossException(404, "not_found", "Article " + id + " is not in this project, or is retired.");
        });
        return distinct;
    }
}
