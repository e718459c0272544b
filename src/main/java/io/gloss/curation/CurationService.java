package io.gloss.curation;

import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationLifecycle;
import io.gloss.annotation.AnnotationService;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.AnnotationView;
import io.gloss.article.Article;
import io.gloss.article.ArticleService;
import io.gloss.audit.AuditService;
import io.gloss.curation.CurationUnits.Candidate;
import io.gloss.curation.CurationUnits.Given;
import io.gloss.curation.CurationUnits.Span;
import io.gloss.curation.CurationUnits.Unit;
import io.gloss.curation.CurationUnits.UnitState;
import io.gloss.review.Decision;
import io.gloss.review.ReviewService;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Curation of one article by a reviewer: its annotators' spans as units ({@link CurationUnits}),
 * and the curator's decisions on them. An accepted annotation is approved through the review
 * package (four-eyes rule, history rows, audit and change events), every other live annotation of
 * the article with the same span and label is MERGED into it (but not those of editors still at
 * work on the article), and rejected ones are rejected; all in one transaction, or nothing.
 */
@ApplicationScoped
public class CurationService {

    static final int MAX_IDS = 500;
    static final String AUTO_COMMENT = "Accepted in curation: every annotator gave this span and label.";

    /**
     * {@code GET /api/articles/{id}/curation}: the article's annotators (sorted) and its units in
     * text order; {@code assigned}: the article has assignments, so its annotators are the editors
     * who marked their work on it DONE.
     */
    public record Curation(List<String> annotators, List<Unit> units, boolean assigned) {
    }

    /**
     * {@code POST /api/articles/{id}/curation} body. {@code draw} (not in api.md's first version):
     * the curator's own span, created in the same transaction; it is the curator's, so it waits in
     * the review queue for another reviewer (four-eyes).
     */
    public record Request(List<Long> accept, List<Long> reject, String comment, AnnotationService.NewAnnotation draw) {
    }

    /** The answer to a curation: the article's units afterwards, and the drawn annotation if one was. */
    public record Curated(List<String> annotators, List<Unit> units, boolean assigned, AnnotationView drawn) {
    }

    /** A unit {@code auto} left alone, and why. */
    public record Skipped(int start, int end, String message) {
    }

    /** {@code POST /api/articles/{id}/curation/auto}: how many AGREED units were accepted, and those skipped. */
    public record Auto(int accepted, List<Skipped> skipped) {
    }

    @Inject
    ArticleService articles;

    @Inject
    AnnotationService annotations;

    @Inject
    ReviewService review;

    @Inject
    AnnotationLifecycle lifecycle;

    @Inject
    AuditService audit;

    @Inject
    CurationQueries queries;

    @Transactional
    public Curation of(Long articleId) {
        Article article = articles.requireLive(articleId);
        return curation(article.id, Annotation.liveOf(article.id, null));
    }

    @Transactional
    public Curated curate(Long articleId, Request request) {
        Article article = articles.requireWritable(articleId);
        Request r = request == null ? new Request(null, null, null, null) : request;
        List<Long> accept = ids("accept", r.accept());
        List<Long> reject = ids("reject", r.reject());
        if (accept.isEmpty() && reject.isEmpty() && r.draw() == null) {
            throw GlossException.badRequest("accept", "Name annotations to accept or reject, or draw a span.");
        }
        if (accept.size() + reject.size() > MAX_IDS) {
            throw GlossException.badRequest("accept", "At most " + MAX_IDS + " annotations at once.");
        }
        AnnotationView drawn = null;
        if (r.draw() != null) {
            if (r.draw().articleId() != null && !r.draw().articleId().equals(article.id)) {
                throw GlossException.badRequest("draw", "The drawn span must be on this article.");
            }
            AnnotationService.NewAnnotation d = r.draw();
            drawn = annotations.create(new AnnotationService.NewAnnotation(article.id, d.label(), d.start(), d.end(),
                    d.quote(), d.note()));
        }
        apply(article, accept, reject, r.comment());
        Annotation.flush();
        Curation after = curation(article.id, Annotation.liveOf(article.id, null));
        return new Curated(after.annotators(), after.units(), after.assigned(), drawn);
    }

    /**
     * Accepts every AGREED unit: for each of its candidates, the oldest annotation the curator may
     * decide on. A unit with a candidate only the curator gave (or whose annotations were decided
     * already) is skipped and reported.
     */
    @Transactional
    public Auto auto(Long articleId) {
        Article article = articles.requireWritable(articleId);
        List<Annotation> live = Annotation.liveOf(article.id, null);
        Map<Long, Annotation> byId = new HashMap<>();
        live.forEach(a -> byId.put(a.id, a));
        List<Long> accept = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int accepted = 0;
        for (Unit unit : curation(article.id, live).units()) {
            if (unit.state() != UnitState.AGREED) {
                continue;
            }
            List<Long> picks = new ArrayList<>();
            String refusal = null;
            for (Candidate candidate : unit.candidates()) {
                Long pick = null;
                for (Given given : candidate.annotations()) {
                    Annotation a = byId.get(given.id());
                    String why = a.status != AnnotationStatus.SUBMITTED
                            ? "Its annotations were decided already; curate it by hand." : review.fourEyesRefusal(a);
                    if (why == null) {
                        pick = a.id;
                        break;
                    }
                    refusal = why;
                }
                if (pick == null) {
                    break;
                }
                picks.add(pick);
            }
            if (picks.size() < unit.candidates().size()) {
                skipped.add(new Skipped(unit.start(), unit.end(), refusal));
                continue;
            }
            accept.addAll(picks);
            accepted++;
        }
        if (!accept.isEmpty()) {
            apply(article, accept, List.of(), AUTO_COMMENT);
        }
        return new Auto(accepted, skipped);
    }

    /**
     * Locks what the curation writes, merges, then decides, so that the approval's change event
     * already carries everyone who agreed ({@code annotators}); any refusal rolls the whole
     * curation back.
     */
    private void apply(Article article, List<Long> accept, List<Long> reject, String comment) {
        Map<String, Boolean> assignees = queries.assignees(article.id);
        Map<Long, Annotation> named = new HashMap<>();
        for (Long id : concat(accept, reject)) {
            named.put(id, onArticle(article, id, accept.contains(id) ? "accept" : "reject"));
        }
        Set<List<Object>> acceptedSpans = new HashSet<>();
        Map<Annotation, List<Annotation>> twins = new LinkedHashMap<>();
        for (Long id : accept) {
            Annotation accepted = named.get(id);
            if (!acceptedSpans.add(List.of(accepted.label.id, accepted.start, accepted.end))) {
                throw GlossException.badRequest("accept", "Accept one annotation per span and label: annotation " + id
                        + " repeats another one you accept.");
            }
            List<Annotation> same = new ArrayList<>();
            for (Annotation twin : Annotation.sameSpan(article.id, accepted.label.id, accepted.start, accepted.end)) {
                if (twin.id.equals(accepted.id) || Boolean.FALSE.equals(assignees.get(twin.author))) {
                    continue; // an editor still at work keeps theirs: in a blind project a merge would tell them others agree
                }
                if (reject.contains(twin.id)) {
                    throw GlossException.badRequest("reject", "Annotation " + twin.id + " gives the same span and label as "
                            + id + ", which you accept: it is merged into it, not rejected.");
                }
                same.add(twin);
            }
            twins.put(accepted, same);
        }
        // In id order, as bulk decisions lock, so that two curations never wait on each other in a
        // circle; a row changed since it was read here is refused as stale (409).
        TreeSet<Long> writes = new TreeSet<>(named.keySet());
        twins.values().forEach(same -> same.forEach(twin -> writes.add(twin.id)));
        writes.forEach(id -> Annotation.findById(id, LockModeType.PESSIMISTIC_WRITE));
        List<Long> approve = new ArrayList<>();
        twins.forEach((accepted, same) -> {
            for (Annotation twin : same) {
                AnnotationView before = AnnotationView.of(twin);
                lifecycle.merge(twin, accepted, comment(comment));
                Annotation.flush(); // the change event carries the new version
                audit.recordChange(twin.projectId, article.id, "annotation", twin.id, "merge", before, AnnotationView.of(twin));
            }
            if (accepted.status != AnnotationStatus.APPROVED) {
                approve.add(accepted.id);
            }
        });
        if (!approve.isEmpty()) {
            review.decideEach(approve, Decision.APPROVE, comment);
        }
        if (!reject.isEmpty()) {
            review.decideEach(reject, Decision.REJECT, comment);
        }
    }

    /** An annotation named in a curation: of this article (400 otherwise) and not deleted since it was read (409). */
    private static Annotation onArticle(Article article, Long id, String field) {
        Annotation annotation = Annotation.findById(id);
        if (annotation == null || !annotation.article.id.equals(article.id)) {
            throw GlossException.badRequest(field, "Annotation " + id + " is not on this article.");
        }
        if (annotation.deletedAt != null) {
            throw GlossException.conflict("stale", "Annotation " + id + " was deleted since you read the article. Reload it.");
        }
        return annotation;
    }

    /**
     * The units of the article. With assignments, its annotators are the editors who marked their
     * work DONE, and the spans of editors still at work are left out (they may change, and in a
     * blind project nobody should compare against them yet); spans of people without an
     * assignment (a curator's drawn span) count. Without assignments, every author is an annotator.
     */
    private Curation curation(long articleId, List<Annotation> live) {
        Map<String, Boolean> assignees = queries.assignees(articleId);
        Set<String> annotators = new TreeSet<>();
        List<Span> spans = new ArrayList<>();
        if (assignees.isEmpty()) {
            live.forEach(a -> annotators.add(a.author));
        } else {
            assignees.forEach((username, done) -> {
                if (done) {
                    annotators.add(username);
                }
            });
        }
        if (!annotators.isEmpty()) {
            for (Annotation a : live) {
                if (annotators.contains(a.author) || !assignees.containsKey(a.author)) {
                    spans.add(new Span(a.id, a.author, a.label.key, a.start, a.end, a.status));
                }
            }
        }
        return new Curation(List.copyOf(annotators), CurationUnits.of(spans, annotators), !assignees.isEmpty());
    }

    private static List<Long> ids(String field, List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.contains(null)) {
            throw GlossException.badRequest(field, field + " must list annotation ids; null is not one.");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static List<Long> concat(List<Long> accept, List<Long> reject) {
        for (Long id : accept) {
            if (reject.contains(id)) {
                throw GlossException.badRequest("reject", "Annotation " + id + " is both accepted and rejected.");
            }
        }
        List<Long> all = new ArrayList<>(accept);
        all.addAll(reject);
        return all;
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
