package io.gloss.relation;

import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationService;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.ArticleRelations;
import io.gloss.article.Article;
import io.gloss.article.ArticleService;
import io.gloss.assignment.AssignmentService;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.project.ProjectService;
import io.gloss.project.RelationType;
import io.gloss.review.Decision;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Relations between two spans of one article: made by editors from spans they can see, with the
 * labels the relation type allows at each end; changed and deleted by their author; decided on by
 * another reviewer (four-eyes), as spans are. Every change is audited and goes down the article's
 * event stream ({@code event: relation}), so that the article page draws it for everyone there.
 */
@ApplicationScoped
public class RelationService implements ArticleRelations {

    static final int MAX_NOTE_CHARS = 4000;

    /** {@code POST /api/relations}. */
    public record NewRelation(String type, Long fromId, Long toId, String note) {
    }

    /** {@code PUT /api/relations/{id}}: absent fields keep their value; the ends never change (delete and relate again). */
    public record RelationChange(String type, String note, Integer version) {
    }

    @Inject
    AnnotationService annotations;

    @Inject
    AssignmentService assignments;

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audit;

    /** The article's live relations the current user may see (in a blind project, before they are done: only their own). */
    @Override
    public List<RelationView> visibleOn(Article article) {
        return Relation.liveViewsOf(article.id, assignments.hidesOthers(article.project, article.id) ? currentUser.username() : null);
    }

    public RelationView get(Long id) {
        return RelationView.of(require(id));
    }

    @Transactional
    public RelationView create(NewRelation input) {
        if (input == null || input.fromId() == null || input.toId() == null) {
            throw GlossException.badRequest(input == null || input.fromId() == null ? "fromId" : "toId",
                    "Send a relation: {type, fromId, toId, note}; fromId and toId are ids of two spans of one article.");
        }
        Annotation from = annotations.require(input.fromId());
        Annotation to = annotations.require(input.toId());
        if (from.id.equals(to.id)) {
            throw GlossException.badRequest("toId", "A relation links two different spans; fromId and toId are the same span.");
        }
        if (!from.article.id.equals(to.article.id)) {
            throw GlossException.badRequest("toId", "Both ends of a relation are spans of one article: span " + from.id
                    + " is in “" + Texts.excerpt(from.article.title) + "”, span " + to.id + " in “"
                    + Texts.excerpt(to.article.title) + "”.");
        }
        Article article = ArticleService.requireWritable(from.article);
        RelationType type = RelationType.require(article.project.id, input.type() == null ? null : input.type().strip().toUpperCase(Locale.ROOT));
        requireLabels(type, from, to);
        String author = currentUser.username();
        Relation twin = Relation.twin(author, type.id, from.id, to.id);
        if (twin != null) {
            throw GlossException.conflict("duplicate", "You have related these two spans as " + type.name + " already.")
                    .with("existingId", twin.id);
        }
        Relation relation = new Relation();
        relation.projectId = article.project.id;
        relation.article = article;
        relation.type = type;
        relation.from = from;
        relation.to = to;
        relation.note = Texts.blankToNull(Texts.limit("note", input.note(), MAX_NOTE_CHARS));
        relation.status = AnnotationStatus.SUBMITTED;
        relation.author = author;
        relation.createdAt = Instant.now();
        relation.updatedAt = relation.createdAt;
        relation.statusChangedAt = relation.createdAt;
        relation.persist();
        Relation.flush();
        RelationView view = RelationView.of(relation);
        audit.recordChange(relation.projectId, relation.article.id, "relation", relation.id, "create", null, view);
        return view;
    }

    /** The author changes the type or the note; a decided relation goes back to review, as a changed span does. */
    @Transactional
    public RelationView update(Long id, RelationChange change) {
        Relation relation = lock(id);
        requireAuthor(relation, "change");
        if (change == null) {
            throw GlossException.badRequest("type", "Send the change: {type, note, version}.");
        }
        requireVersion(relation, change.version());
        RelationView before = RelationView.of(relation);
        if (change.type() != null) {
            RelationType type = RelationType.require(relation.projectId, change.type().strip().toUpperCase(Locale.ROOT));
            requireLabels(type, relation.from, relation.to);
            relation.type = type;
        }
        if (change.note() != null) {
            relation.note = Texts.blankToNull(Texts.limit("note", change.note(), MAX_NOTE_CHARS));
        }
        relation.updatedAt = Instant.now();
        if (relation.status != AnnotationStatus.SUBMITTED) {
            relation.status = AnnotationStatus.SUBMITTED;
            relation.reviewer = null;
            relation.comment = null;
            relation.statusChangedAt = relation.updatedAt;
        }
        Relation.flush(); // the answer carries the new version
        RelationView after = RelationView.of(relation);
        audit.recordChange(relation.projectId, relation.article.id, "relation", relation.id, "update", before, after);
        return after;
    }

    @Transactional
    public void delete(Long id) {
        Relation relation = lock(id);
        requireAuthor(relation, "delete");
        RelationView before = RelationView.of(relation);
        relation.deletedAt = Instant.now();
        audit.recordChange(relation.projectId, relation.article.id, "relation", relation.id, "delete", before, null);
    }

    /** A reviewer other than the author approves or rejects a SUBMITTED relation (a rejection says why). */
    @Transactional
    public RelationView decide(Long id, String decisionText, String comment, Integer version) {
        Relation relation = lock(id);
        Decision decision = Decision.parse(decisionText);
        Texts.limit("comment", comment, MAX_NOTE_CHARS);
        if (relation.author.equals(currentUser.username())) {
            throw GlossException.forbidden("You made this relation, so another reviewer must decide on it (four-eyes rule).");
        }
        if (relation.status != AnnotationStatus.SUBMITTED) {
            throw GlossException.conflict("already_decided", "This relation is " + relation.status
                    + (relation.reviewer == null ? "" : " by " + relation.reviewer) + "; only a SUBMITTED relation can be decided on.")
                    .with("current", RelationView.of(relation));
        }
        requireVersion(relation, version);
        if (decision == Decision.REJECT && (comment == null || comment.isBlank())) {
            throw GlossException.badRequest("comment", "Say why you reject it: the author reads the comment.");
        }
        RelationView before = RelationView.of(relation);
        relation.status = decision.result;
        relation.reviewer = currentUser.username();
        relation.comment = Texts.blankToNull(comment == null ? null : comment.strip());
        relation.updatedAt = Instant.now();
        relation.statusChangedAt = relation.updatedAt;
        Relation.flush();
        RelationView after = RelationView.of(relation);
        audit.recordChange(relation.projectId, relation.article.id, "relation", relation.id,
                decision.name().toLowerCase(Locale.ROOT), before, after);
        return after;
    }

    /** A live relation the current user may see (its ends visible to them too); otherwise 404. */
    private Relation require(Long id) {
        Relation relation = id == null ? null : Relation.findById(id);
        return visible(relation, id);
    }

    private Relation lock(Long id) {
        Relation relation = visible(id == null ? null : Relation.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        ArticleService.requireWritable(relation.article);
        return relation;
    }

    private Relation visible(Relation relation, Long id) {
        if (relation == null || relation.deletedAt != null || !projects.canSee(relation.projectId)
                || !relation.author.equals(currentUser.username())
                        && assignments.hidesOthers(relation.article.project, relation.article.id)) {
            throw GlossException.notFound("Relation " + id);
        }
        return relation;
    }

    private void requireAuthor(Relation relation, String verb) {
        if (!relation.author.equals(currentUser.username())) {
            throw GlossException.forbidden("Only its author can " + verb + " this relation (" + relation.author + " made it).");
        }
    }

    private static void requireVersion(Relation relation, Integer version) {
        if (version != null && version != relation.version) {
            throw GlossException.conflict("stale", "This relation was changed since you read it (your version "
                    + version + ", current " + relation.version + "). Reload and try again.")
                    .with("current", RelationView.of(relation));
        }
    }

    /** Each end carries a label the type allows there: a claim is ATTRIBUTED_TO an actor, not to a place. */
    private static void requireLabels(RelationType type, Annotation from, Annotation to) {
        if (!type.from().contains(from.label.key)) {
            throw GlossException.badRequest("fromId", type.name + " starts from a span labelled " + String.join(" or ", type.from())
                    + "; span " + from.id + " is " + from.label.key + ".");
        }
        if (!type.to().contains(to.label.key)) {
            throw GlossException.badRequest("toId", type.name + " points to a span labelled " + String.join(" or ", type.to())
                    + "; span " + to.id + " is " + to.label.key + ".");
        }
    }
}
