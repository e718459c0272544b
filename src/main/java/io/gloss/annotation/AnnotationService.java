package io.gloss.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gloss.article.Article;
import io.gloss.article.ArticleService;
import io.gloss.assignment.AssignmentService;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.entity.EntityService;
import io.gloss.entity.NamedEntity;
import io.gloss.project.Label;
import io.gloss.project.LabelAttribute;
import io.gloss.project.LabelAttributes;
import io.gloss.project.ProjectService;
import io.gloss.text.FigureInQuote;
import io.gloss.text.Offsets;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creating, revising and deleting annotations: every rule of the offset contract is checked here. */
@ApplicationScoped
public class AnnotationService {

    static final int MAX_NOTE_CHARS = 10_000;

    /**
     * {@code POST /api/annotations} body. {@code entityId}: an entity of the project, for a label
     * that links entities; {@code attributes}: values of the label's attributes (a claim's figure,
     * when not given, is read from its quote).
     */
    public record NewAnnotation(Long articleId, String label, Integer start, Integer end, String quote, String note,
            Long entityId, Map<String, JsonNode> attributes) {

        public NewAnnotation(Long articleId, String label, Integer start, Integer end, String quote, String note) {
            this(articleId, label, start, end, quote, note, null, null);
        }
    }

    /**
     * {@code PUT /api/annotations/{id}} body. {@code resubmit}: true sends a decided annotation back to
     * review (changed or not); false keeps a REJECTED one rejected while its author revises it; left
     * out, a change sends a decided annotation back to review (as before the field existed).
     * {@code entityId}: absent keeps the link, null unlinks; {@code attributes}: absent keeps the
     * values (those the label still defines), given replaces them all.
     */
    public record AnnotationChange(String label, Integer start, Integer end, String quote, String note, Integer version,
            Boolean resubmit, @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true) JsonNode entityId,
            Map<String, JsonNode> attributes) {
    }

    /** The attribute a claim's figure goes in, pre-filled from its quote when a new span does not give it. */
    static final String FIGURE = "figure";

    @Inject
    ArticleService articles;

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    AnnotationLifecycle lifecycle;

    @Inject
    AuditService audit;

    @Inject
    AssignmentService assignments;

    @Inject
    EntityService entities;

    /**
     * A live annotation the current user may see; otherwise 404, the same whether it does not
     * exist, belongs to a project the user is not a member of (its article is not named), or is
     * another editor's span that a blind project keeps from them for now.
     */
    public Annotation require(Long id) {
        Annotation annotation = id == null ? null : Annotation.findById(id);
        if (annotation == null || annotation.deletedAt != null || !projects.canSee(annotation.projectId)
                || !annotation.author.equals(currentUser.username())
                        && assignments.hidesOthers(annotation.article.project, annotation.article.id)) {
            throw GlossException.notFound("Annotation " + id);
        }
        return annotation;
    }

    /** The article's live annotations the current user may see, in text order; {@code author}: only theirs. */
    public List<AnnotationView> visibleOn(Article article, String author) {
        String me = currentUser.username();
        if (assignments.hidesOthers(article.project, article.id)) {
            return author == null || author.isBlank() || author.equals(me) ? Annotation.liveViewsOf(article.id, me) : List.of();
        }
        return Annotation.liveViewsOf(article.id, author);
    }

    /** A span made by hand; returns the view, made inside the transaction while the associations can still be read. */
    @Transactional
    public AnnotationView create(NewAnnotation input) {
        return create(input, null);
    }

    /** A span made by the current editor from a suggestion, {@code origin} naming its source (null: made by hand). */
    @Transactional
    public AnnotationView create(NewAnnotation input, String origin) {
        if (input == null || input.articleId() == null) {
            throw GlossException.badRequest("articleId", "articleId is required.");
        }
        Article article = articles.requireWritable(input.articleId());
        Label label = Label.requireActive(article.project.id, input.label());
        Offsets.check(article.text, article.length, input.start(), input.end(), input.quote());
        Long entityId = input.entityId() == null ? null : link(label, input.entityId(), input.quote()).id;
        String attributes = LabelAttributes.write(withFigure(label, input.quote(),
                LabelAttributes.values(label, input.attributes() == null ? Map.of() : input.attributes())));
        String author = currentUser.username();
        assignments.startWork(article.id, author);
        Annotation twin = Annotation.findTwin(article.id, author, label.id, input.start(), input.end());
        if (twin != null) {
            throw GlossException.conflict("duplicate", "You have tagged exactly this span as " + label.name + " already.")
                    .with("existingId", twin.id);
        }
        Annotation annotation = new Annotation();
        annotation.article = article;
        annotation.label = label;
        annotation.start = input.start();
        annotation.end = input.end();
        annotation.quote = input.quote();
        annotation.note = note(input.note());
        annotation.entityId = entityId;
        annotation.attributes = attributes;
        annotation.projectId = article.project.id;
        annotation.author = author;
        annotation.origin = origin;
        return submitNew(annotation, author);
    }

    /**
     * A span of a pre-annotated import ({@code ?as=submitted}), made by {@code author}, the import
     * account, and SUBMITTED for review like any new span; the importer has checked its offsets,
     * quote and label against the article. Nothing is made, and false returned, when that account
     * has this span already (the file was imported before).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean createImported(Article article, Label label, int start, int end, String quote, String author,
            String origin) {
        if (Annotation.findTwin(article.id, author, label.id, start, end) != null) {
            return false;
        }
        Annotation annotation = new Annotation();
        annotation.article = article;
        annotation.label = label;
        annotation.start = start;
        annotation.end = end;
        annotation.quote = quote;
        annotation.attributes = LabelAttributes.write(withFigure(label, quote, LabelAttributes.values(label, Map.of())));
        annotation.projectId = article.project.id;
        annotation.author = author;
        annotation.origin = origin;
        submitNew(annotation, author);
        return true;
    }

    /** Stores a new annotation as SUBMITTED by {@code actor}, with its audit event; returns its view. */
    private AnnotationView submitNew(Annotation annotation, String actor) {
        annotation.createdAt = Timestamps.now();
        annotation.updatedAt = annotation.createdAt;
        lifecycle.submit(annotation, actor);
        AnnotationView created = AnnotationView.of(annotation);
        audit.recordChange(annotation.projectId, annotation.article.id, "annotation", annotation.id, "create", null, created);
        return created;
    }

    /**
     * The author revises label, offsets (code points, checked against the text and the quote) or note,
     * keeping the annotation's id and history; a decided annotation goes back to review, except a
     * rejected one revised with {@code resubmit: false}, which waits for an explicit resubmit.
     */
    @Transactional
    public AnnotationView update(Long id, AnnotationChange change) {
        Annotation annotation = require(id);
        ArticleService.requireWritable(annotation.article);
        requireAuthor(annotation, "edit");
        assignments.requireOpen(annotation.article.id, annotation.author);
        if (change == null || change.version() == null) {
            throw GlossException.badRequest("version", "version is required: send the version you last read.");
        }
        AnnotationLifecycle.requireVersion(annotation, change.version());
        Label label = change.label() == null || change.label().strip().equals(annotation.label.key) ? annotation.label
                : Label.requireActive(annotation.projectId, change.label());
        int start = change.start() == null ? annotation.start : change.start();
        int end = change.end() == null ? annotation.end : change.end();
        String quote = change.start() == null && change.end() == null && change.quote() == null ? annotation.quote : change.quote();
        Offsets.check(annotation.article.text, annotation.article.length, start, end, quote);
        String note = change.note() == null ? annotation.note : note(change.note());
        Long entityId = entityId(annotation, label, change.entityId(), quote);
        String attributes = LabelAttributes.write(change.attributes() != null ? LabelAttributes.values(label, change.attributes())
                : LabelAttributes.stillDefined(label, LabelAttributes.read(annotation.attributes)));
        boolean changed = label != annotation.label || start != annotation.start || end != annotation.end
                || !Objects.equals(note, annotation.note) || !Objects.equals(entityId, annotation.entityId)
                || !Objects.equals(attributes, annotation.attributes);
        boolean resubmit = Boolean.TRUE.equals(change.resubmit()) && annotation.status != AnnotationStatus.SUBMITTED;
        if (!changed && !resubmit) {
            return AnnotationView.of(annotation);
        }
        AnnotationView before = AnnotationView.of(annotation);
        if (label != annotation.label) {
            annotation.labelCorrectedBy = null; // the label is the author's again
        }
        annotation.label = label;
        annotation.start = start;
        annotation.end = end;
        annotation.quote = quote;
        annotation.note = note;
        annotation.entityId = entityId;
        annotation.attributes = attributes;
        annotation.updatedAt = Timestamps.now();
        if (resubmit) {
            lifecycle.backToReview(annotation, "resubmitted by its author");
        } else if (!(Boolean.FALSE.equals(change.resubmit()) && annotation.status == AnnotationStatus.REJECTED)) {
            // An approved (or merged) annotation was approved as it was: changed, it is reviewed again.
            lifecycle.backToReview(annotation, null);
        }
        Annotation.flush(); // the version increments on flush; the answer must carry the new one
        AnnotationView after = AnnotationView.of(annotation);
        audit.recordChange(annotation.projectId, annotation.article.id, "annotation", annotation.id, "update", before, after);
        return after;
    }

    /** Soft delete by the author; the row stays for the history. */
    @Transactional
    public void delete(Long id) {
        Annotation annotation = require(id);
        ArticleService.requireWritable(annotation.article);
        requireAuthor(annotation, "delete");
        assignments.requireOpen(annotation.article.id, annotation.author);
        AnnotationView before = AnnotationView.of(annotation);
        lifecycle.release(annotation);
        annotation.deletedAt = Timestamps.now();
        annotation.updatedAt = annotation.deletedAt;
        audit.recordChange(annotation.projectId, annotation.article.id, "annotation", annotation.id, "delete", before, null);
    }

    /** The entity a span of this label links to: 400 naming {@code entityId} unless the label links entities and the entity is the project's. */
    private NamedEntity link(Label label, long entityId, String quote) {
        if (!label.linksEntity) {
            throw GlossException.badRequest("entityId", "Spans of " + label.name + " do not link to entities; "
                    + "an admin can say that they do on the project's labels page.");
        }
        return entities.linkSpan(label.project.id, entityId, quote);
    }

    /**
     * The entity after a change: absent keeps the link (dropped when the new label does not link
     * entities), null unlinks, an id links (its quote may become an alias).
     */
    private Long entityId(Annotation annotation, Label label, JsonNode given, String quote) {
        if (given == null) {
            if (annotation.entityId == null || !label.linksEntity) {
                return null;
            }
            return quote.equals(annotation.quote) ? annotation.entityId : link(label, annotation.entityId, quote).id;
        }
        if (given.isNull()) {
            return null;
        }
        if (!given.isIntegralNumber() || !given.canConvertToLong()) {
            throw GlossException.badRequest("entityId", "entityId is the id of one of the project's entities, or null to unlink.");
        }
        return link(label, given.longValue(), quote).id;
    }

    /** A new claim states its figure: when its label has a number attribute {@code figure} and none was given, the quote's. */
    private static Map<String, Object> withFigure(Label label, String quote, Map<String, Object> values) {
        boolean figure = LabelAttributes.of(label).stream()
                .anyMatch(a -> a.key().equals(FIGURE) && a.type().equals(LabelAttribute.NUMBER));
        if (figure && !values.containsKey(FIGURE)) {
            FigureInQuote.read(quote).ifPresent(value -> {
                Map<String, Object> filled = new LinkedHashMap<>();
                filled.put(FIGURE, value);
                filled.putAll(values);
                values.clear();
                values.putAll(filled);
            });
        }
        return values;
    }

    private void requireAuthor(Annotation annotation, String verb) {
        if (!annotation.author.equals(currentUser.username())) {
            throw GlossException.forbidden("Only " + annotation.author + ", who made this annotation, may " + verb + " it.");
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        return Texts.limit("note", note, MAX_NOTE_CHARS);
    }
}
