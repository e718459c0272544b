package io.gloss;

import io.gloss.article.ArticleInput;
import io.gloss.article.ArticleService;
import io.gloss.project.LabelService;
import io.gloss.project.Project;
import io.gloss.project.ProjectMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds fixtures straight through the services; every test gets projects of its own. */
@ApplicationScoped
public class TestData {

    @Inject
    LabelService labels;

    @Inject
    ArticleService articles;

    /** A project with the labels CLAIM (c), ACTOR (a), LOCATION (l) and the given members. */
    @Transactional
    public long project(String... members) {
        Project project = new Project();
        project.name = "Test project " + UUID.randomUUID();
        project.guidelines = "Tag **actors**.";
        project.createdAt = Instant.now();
        project.persist();
        labels.create(project, new LabelService.NewLabel("CLAIM", "Claim", "#e4572e", "c", "A checkable statement", false));
        labels.create(project, new LabelService.NewLabel("ACTOR", "Actor", "#2e86ab", "a", "Who acts", true));
        labels.create(project, new LabelService.NewLabel("LOCATION", "Location", "#3bb273", "l", "Where", true));
        for (String member : members) {
            ProjectMember.of(project.id, member).persist();
        }
        return project.id;
    }

    /** Removes an annotation's rows for good, so that a test can tag the same span again. */
    @Transactional
    public void delete(long annotationId) {
        io.gloss.annotation.AnnotationTransition.delete("annotationId", annotationId);
        io.gloss.audit.AuditEvent.delete("entity = 'annotation' and entityId = ?1", annotationId);
        io.gloss.annotation.Annotation.deleteById(annotationId);
    }

    @Transactional
    public long article(long projectId, String title, String text) {
        Project project = Project.findById(projectId);
        return articles.create(project, new ArticleInput(title, "test", null, null, null, null, null, text), "fixture").id;
    }

    /**
     * The body of {@code POST /api/annotations} for the first occurrence of {@code quote} in
     * {@code text}, with code-point offsets; a null note is left out. Mutable, for tests that add fields.
     */
    public static Map<String, Object> span(long articleId, String text, String quote, String label, String note) {
        int at = text.indexOf(quote);
        if (at < 0) {
            throw new IllegalArgumentException("“" + quote + "” is not in the text");
        }
        int start = text.codePointCount(0, at);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("articleId", articleId, "label", label, "start", start,
                "end", start + quote.codePointCount(0, quote.length()), "quote", quote));
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /**
     * Moves an annotation's times into the past, which the API cannot do: its creation and its
     * submissions to {@code created}, its decisions to {@code decided}.
     */
    @Transactional
    public void backdate(long annotationId, Instant created, Instant decided) {
        io.gloss.annotation.Annotation annotation = io.gloss.annotation.Annotation.findById(annotationId);
        annotation.createdAt = created;
        annotation.statusChangedAt = annotation.status == io.gloss.annotation.AnnotationStatus.SUBMITTED ? created : decided;
        for (io.gloss.annotation.AnnotationTransition t : io.gloss.annotation.AnnotationTransition.of(annotationId)) {
            t.at = t.to == io.gloss.annotation.AnnotationStatus.SUBMITTED ? created : decided;
        }
    }

    /** Moves the last change of an article's assignments (when they were marked done) to {@code at}. */
    @Transactional
    public void backdateAssignments(long articleId, Instant at) {
        io.gloss.assignment.Assignment.update("updatedAt = ?1 where articleId = ?2", at, articleId);
    }
}
