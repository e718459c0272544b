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
}
