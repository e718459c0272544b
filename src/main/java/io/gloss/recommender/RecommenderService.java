package io.gloss.recommender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;

/** A project's recommender: its state and evaluation, and an admin's request to train it now. */
@ApplicationScoped
public class RecommenderService {

    @Inject
    ProjectService projects;

    @Inject
    RecommenderQueries queries;

    @Inject
    ObjectMapper json;

    @Inject
    Event<TrainingRequested> requested;

    public RecommenderView view(Long projectId) {
        return view(RecommenderModel.status(projects.require(projectId).id));
    }

    /**
     * Queues a training (the runner starts it once this commits); one already queued or running
     * is left to end. A project without approved spans has nothing to learn from: 409.
     */
    @Transactional
    public RecommenderView train(Long projectId) {
        Project project = projects.requireWritable(projectId);
        if (!queries.hasApproved(project.id)) {
            throw GlossException.conflict("nothing_to_learn", "This project has no approved spans yet: the recommender learns"
                    + " from approved spans, so approve some first.");
        }
        RecommenderModel model = RecommenderModel.of(project.id);
        if (model.state != RecommenderState.TRAINING) {
            model.state = RecommenderState.QUEUED;
        }
        requested.fire(new TrainingRequested(project.id));
        return view(new RecommenderModel.Status(model.state, model.trainedAt, model.trainedOn, model.evaluation, model.error));
    }

    private RecommenderView view(RecommenderModel.Status status) {
        try {
            Evaluation evaluation = status.evaluation() == null ? null : json.readValue(status.evaluation(), Evaluation.class);
            return new RecommenderView(status.state(), status.trainedAt(), status.trainedOn(), evaluation, status.error());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored evaluation cannot be read", e);
        }
    }
}
