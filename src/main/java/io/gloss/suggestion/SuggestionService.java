package io.gloss.suggestion;

import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationService;
import io.gloss.annotation.AnnotationView;
import io.gloss.article.Article;
import io.gloss.article.ArticleService;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.project.ProjectService;
import io.gloss.suggestion.SuggestionQueries.Place;
import io.gloss.text.CodePointText;
import io.gloss.text.Occurrences;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Proposing spans, and an editor's accepting (through the annotation service) or rejecting them. */
@ApplicationScoped
public class SuggestionService {

    /** {@code POST /api/annotations/{id}/occurrences} body: {@code scope} is {@code article} or {@code project}. */
    public record OccurrencesRequest(String scope) {
    }

    /** An exact occurrence of a span the editor made is as sure as a suggestion gets. */
    private static final double EXACT = 1.0;

    @Inject
    AnnotationService annotations;

    @Inject
    ArticleService articles;

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    SuggestionQueries queries;

    @Inject
    EntitySuggestions entitySuggestions;

    @Inject
    AuditService audit;

    /**
     * "Label all occurrences": proposes the annotation's label, to its author, at every other
     * whole-word occurrence of its quote in its article or in every live article of its project;
     * none where the author has a span of that label already, sees an open suggestion of it, or
     * rejected it. Returns how many were made.
     */
    @Transactional
    public int labelOccurrences(Long annotationId, OccurrencesRequest request) {
        Annotation source = annotations.require(annotationId);
        String me = currentUser.username();
        if (!source.author.equals(me)) {
            throw GlossException.forbidden("Only " + source.author + ", who made this annotation, may label its other occurrences.");
        }
        boolean wholeProject = wholeProject(request);
        Label label = Label.requireActive(source.projectId, source.label.key);
        List<Long> articleIds;
        if (wholeProject) {
            source.article.project.requireWritable();
            articleIds = queries.liveArticles(source.projectId);
        } else {
            articleIds = List.of(ArticleService.requireWritable(source.article).id);
        }
        Set<Place> taken = queries.takenFor(source.projectId, wholeProject ? null : source.article.id, label.id, me);
        Long entityId = label.linksEntity ? source.entityId : null;
        Instant now = Timestamps.now();
        int created = 0;
        for (long articleId : articleIds) {
            for (Occurrences.Occurrence at : Occurrences.of(new CodePointText(queries.textOf(articleId)), source.quote)) {
                if (taken.add(new Place(articleId, at.start(), at.end()))) {
                    Suggestion suggestion = new Suggestion();
                    suggestion.projectId = source.projectId;
                    suggestion.article = Suggestion.getEntityManager().getReference(Article.class, articleId);
                    suggestion.label = label;
                    suggestion.start = at.start();
                    suggestion.end = at.end();
                    suggestion.quote = source.quote;
                    suggestion.source = SuggestionSource.OCCURRENCE;
                    suggestion.score = EXACT;
                    suggestion.entityId = entityId;
                    suggestion.forUser = me;
                    suggestion.createdAt = now;
                    suggestion.persist();
                    created++;
                }
            }
        }
        if (created > 0) { // one that proposed nothing changed nothing
            audit.record(source.projectId, "annotation", source.id, "label_occurrences", null,
                    Map.of("scope", wholeProject ? "project" : "article", "label", label.key, "created", created));
        }
        return created;
    }

    /**
     * The suggestions of the article the current editor has still to decide, in text order; the
     * entities' ones brought up to date first.
     */
    @Transactional
    public List<SuggestionView> openOn(Long articleId) {
        Article article = articles.require(articleId);
        entitySuggestions.bringUpToDate(article);
        return queries.openFor(article.id, currentUser.username());
    }

    /**
     * The current editor takes the suggestion: their annotation, made by the annotation service
     * (its checks, lifecycle, audit and live change all apply), with the suggestion's source as
     * its {@code origin}.
     */
    @Transactional
    public AnnotationView accept(Long id) {
        Suggestion suggestion = require(id);
        Label label = suggestion.label;
        return annotations.create(new AnnotationService.NewAnnotation(suggestion.article.id, label.key, suggestion.start,
                suggestion.end, suggestion.quote, null, label.linksEntity ? suggestion.entityId : null, null),
                suggestion.source.name());
    }

    /**
     * "Accept all of this label": the current editor takes every open suggestion of the label on
     * the article, in text order, one annotation per place (two sources proposing the same place
     * make one span). All or none: a refusal of one (the article frozen meanwhile, say) stores none.
     */
    @Transactional
    public List<AnnotationView> acceptAll(Long articleId, String labelKey) {
        Article article = articles.require(articleId);
        Label label = Label.require(article.project.id, labelKey);
        Set<Place> taken = new HashSet<>();
        List<AnnotationView> accepted = new ArrayList<>();
        for (SuggestionView open : queries.openFor(article.id, currentUser.username())) {
            if (open.label().equals(label.key) && taken.add(new Place(article.id, open.start(), open.end()))) {
                accepted.add(accept(open.id()));
            }
        }
        return accepted;
    }

    /** The current editor says no: the suggestion's place is never proposed to them again. Saying it twice changes nothing. */
    @Transactional
    public void reject(Long id) {
        Suggestion suggestion = require(id);
        String me = currentUser.username();
        if (SuggestionRejection.exists(suggestion, me)) {
            return;
        }
        SuggestionRejection rejection = new SuggestionRejection();
        rejection.placeAs(suggestion);
        rejection.username = me;
        rejection.rejectedAt = Timestamps.now();
        rejection.persist();
        audit.record(suggestion.projectId, "suggestion", suggestion.id, "reject", Map.of("articleId", suggestion.article.id,
                "label", suggestion.label.key, "start", suggestion.start, "end", suggestion.end, "quote", suggestion.quote,
                "source", suggestion.source), null);
    }

    /** A suggestion proposed to the current editor, in a project they are a member of; otherwise 404, whichever it is. */
    private Suggestion require(Long id) {
        Suggestion suggestion = id == null ? null : Suggestion.findById(id);
        if (suggestion == null || !projects.canSee(suggestion.projectId) || !suggestion.proposedTo(currentUser.username())) {
            throw GlossException.notFound("Suggestion " + id);
        }
        return suggestion;
    }

    private static boolean wholeProject(OccurrencesRequest request) {
        String scope = request == null ? null : request.scope();
        if ("project".equals(scope)) {
            return true;
        }
        if ("article".equals(scope)) {
            return false;
        }
        throw GlossException.badRequest("scope", "scope is required: \"article\" (the annotation's article) or \"project\""
                + " (every live article of its project).");
    }
}
