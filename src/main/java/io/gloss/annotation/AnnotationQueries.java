package io.gloss.annotation;

import io.gloss.article.AnnotationCounts;
import io.gloss.article.ArticleSummary;
import io.gloss.assignment.AssignmentService;
import io.gloss.auth.CurrentUser;
import io.gloss.entity.EntityMentions;
import io.gloss.entity.Mention;
import io.gloss.entity.NamedEntity;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only questions the pages ask about annotations (every write rule stays in
 * {@link AnnotationService}): the user's own work by status, one annotation with its history, and
 * the counts of the article list, the spans linked to an entity.
 */
@ApplicationScoped
public class AnnotationQueries implements AnnotationCounts, EntityMentions {

    /**
     * The order of "my work": what needs the author first, then what waits, then what is done
     * (approved, or merged into another annotator's identical span by a curator).
     */
    public static final List<AnnotationStatus> MY_WORK_ORDER = List.of(AnnotationStatus.REJECTED,
            AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED, AnnotationStatus.MERGED);

    /** One of the user's annotations, with what the list shows of its article and label. */
    public record WorkItem(Long id, Long articleId, String articleTitle, String labelName, String labelColor,
            String quote, String note, AnnotationStatus status, String reviewer, String comment, Instant since) {
    }

    /** The user's annotations of one status, newest first: {@code items} are the first of {@code total}. */
    public record WorkSection(AnnotationStatus status, long total, List<WorkItem> items) {

        public boolean truncated() {
            return total > items.size();
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    AssignmentService assignments;

    /**
     * The current user's live annotations in the projects they can see, REJECTED first, then
     * SUBMITTED, then APPROVED; each status newest first and at most {@code perStatus} of them
     * (with the total), so that a prolific editor's page stays small.
     */
    public List<WorkSection> myWork(int perStatus) {
        String visible = currentUser.isAdmin() ? ""
                : " and a.projectId in (select m.id.projectId from ProjectMember m where m.id.username = :me)";
        // A retired article's spans leave My work as they leave the lists.
        var countQuery = em.createQuery("select a.status, count(a) from Annotation a where a.author = :me"
                + " and a.deletedAt is null and a.article.retiredAt is null" + visible + " group by a.status", Object[].class)
                .setParameter("me", currentUser.username());
        Map<AnnotationStatus, Long> totals = new EnumMap<>(AnnotationStatus.class);
        for (Object[] row : countQuery.getResultList()) {
            totals.put((AnnotationStatus) row[0], ((Number) row[1]).longValue());
        }
        List<WorkSection> sections = new ArrayList<>();
        for (AnnotationStatus status : MY_WORK_ORDER) {
            long total = totals.getOrDefault(status, 0L);
            if (total == 0) {
                sections.add(new WorkSection(status, 0, List.of()));
                continue;
            }
            // Columns rather than entities: the article's text is not needed and may be megabytes.
            TypedQuery<Object[]> query = em.createQuery("select a.id, a.article.id, a.article.title, a.label.name,"
                    + " a.label.color, a.quote, a.note, a.status, a.reviewer, a.comment, a.statusChangedAt"
                    + " from Annotation a where a.author = :me and a.deletedAt is null and a.article.retiredAt is null"
                    + " and a.status = :status" + visible
                    + " order by a.statusChangedAt desc, a.id desc", Object[].class)
                    .setParameter("me", currentUser.username())
                    .setParameter("status", status)
                    .setMaxResults(perStatus);
            List<WorkItem> items = query.getResultList().stream().map(r -> new WorkItem((Long) r[0], (Long) r[1],
                    (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (AnnotationStatus) r[7],
                    (String) r[8], (String) r[9], (Instant) r[10])).toList();
            sections.add(new WorkSection(status, total, items));
        }
        return sections;
    }

    /**
     * An annotation for its page: a live one the user may see, or for admins also a deleted one,
     * because the audit trail links to it and its history must stay readable. Otherwise 404.
     */
    public Annotation forPage(Long id) {
        Annotation annotation = id == null ? null : Annotation.findById(id);
        if (annotation == null || (annotation.deletedAt != null && !currentUser.isAdmin())
                || !projects.canSee(annotation.projectId)) {
            throw GlossException.notFound("Annotation " + id);
        }
        return annotation;
    }

    /** Every status change of the annotation, oldest first. */
    public List<TransitionView> history(long annotationId) {
        return AnnotationTransition.of(annotationId).stream().map(TransitionView::of).toList();
    }

    @Override
    public Map<Long, ArticleSummary.Counts> perArticle(List<Long> articleIds, String me) {
        List<Object[]> rows = em.createQuery("select n.article.id, n.status, count(n), "
                        + "sum(case when n.author = :me then 1 else 0 end) from Annotation n "
                        + "where n.article.id in :ids and n.deletedAt is null group by n.article.id, n.status", Object[].class)
                .setParameter("me", me == null ? "" : me).setParameter("ids", articleIds).getResultList();
        Map<Long, long[]> raw = new HashMap<>();
        for (Object[] r : rows) {
            // all, mine, then one slot per status; MERGED ones count in "all" only, the list has no column for them.
            long[] c = raw.computeIfAbsent((Long) r[0], id -> new long[2 + AnnotationStatus.values().length]);
            long n = ((Number) r[2]).longValue();
            c[0] += n;
            c[1] += ((Number) r[3]).longValue();
            c[2 + ((AnnotationStatus) r[1]).ordinal()] += n;
        }
        Map<Long, ArticleSummary.Counts> counts = new HashMap<>();
        raw.forEach((id, c) -> counts.put(id, new ArticleSummary.Counts(c[0], c[1], c[2], c[3], c[4])));
        return counts;
    }

    /** Live spans on live articles, as the entity page counts and lists them. */
    @Override
    public Map<Long, Long> counts(Collection<Long> entityIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (entityIds.isEmpty()) {
            return counts;
        }
        em.createQuery("select n.entityId, count(n) from Annotation n where n.entityId in :ids and n.deletedAt is null"
                        + " and n.article.retiredAt is null group by n.entityId", Object[].class)
                .setParameter("ids", entityIds).getResultList()
                .forEach(r -> counts.put((Long) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /** In a blind project an editor sees only their own spans on an article until their work on it is done. */
    @Override
    public List<Mention> of(NamedEntity entity) {
        List<Object[]> rows = em.createQuery("select n.id, a.id, a.title, a.source, a.published, l.key, n.start, n.end,"
                        + " n.quote, n.status, n.author, n.createdAt from Annotation n join n.article a join n.label l"
                        + " where n.entityId = :id and n.deletedAt is null and a.retiredAt is null order by a.id, n.start, n.end, n.id",
                        Object[].class)
                .setParameter("id", entity.id).getResultList();
        Project project = Project.findById(entity.projectId);
        String me = currentUser.username();
        Map<Long, Boolean> hidden = new HashMap<>();
        List<Mention> mentions = new ArrayList<>();
        for (Object[] r : rows) {
            long articleId = (Long) r[1];
            if (!me.equals(r[10]) && hidden.computeIfAbsent(articleId, id -> assignments.hidesOthers(project, id))) {
                continue;
            }
            mentions.add(new Mention((Long) r[0], articleId, (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (Integer) r[6], (Integer) r[7], (String) r[8], r[9].toString(), (String) r[10], (Instant) r[11]));
        }
        return mentions;
    }

    @Override
    public int relink(long from, Long into) {
        return Annotation.relink(from, into);
    }
}
