package io.gloss.recommender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.db.InstanceIdentity;
import io.gloss.db.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Trains recommenders in the background, one project at a time on a thread of its own (training
 * is CPU work that would otherwise compete with requests, as exports and imports are), and keeps
 * their suggestions up to date. A training runs when an admin asks for one, and by itself when
 * {@code gloss.recommender.retrain-after} spans of the project were approved since its last
 * training began; every {@code check-every} each instance also looks for requests nobody ran,
 * trainings whose instance died, and articles imported since the model last proposed spans.
 *
 * <p>A training is claimed with one conditional update ({@link RecommenderModel#claim}), so two
 * instances never train a project at once, and its result is stored only while the claim is
 * still this instance's. The thread is never interrupted (an interrupted thread inside H2 closes
 * the database), and looks at {@code stopping} between steps.
 */
@ApplicationScoped
public class RecommenderRunner {

    private static final Logger LOG = Logger.getLogger(RecommenderRunner.class);

    @Inject
    RecommenderQueries queries;

    @Inject
    ModelSuggestions suggestions;

    @Inject
    RecommenderConfig config;

    @Inject
    InstanceIdentity instance;

    @Inject
    ObjectMapper json;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> daemon(task, "gloss-recommender"));

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "gloss-recommender-timer"));

    /** Projects handed to the worker and not started yet, per kind of task: none is queued twice. */
    private final Set<Long> trainingsWaiting = ConcurrentHashMap.newKeySet();
    private final Set<Long> proposalsWaiting = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrainingRequested event) {
        submitTraining(event.projectId());
    }

    void start(@Observes StartupEvent event) {
        long every = config.checkEvery().toMillis();
        timer.scheduleAtFixedRate(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The periodic look: projects due for a training, requests and trainings nobody runs, new articles. */
    void check() {
        if (stopping) {
            return;
        }
        try {
            Instant staleBefore = Timestamps.now().minus(config.trainingTimeout());
            QuarkusTransaction.requiringNew().call(() -> RecommenderModel.due(config.retrainAfter())).forEach(this::submitTraining);
            QuarkusTransaction.requiringNew().call(() -> RecommenderModel.waiting(staleBefore)).forEach(this::submitTraining);
            QuarkusTransaction.requiringNew().call(RecommenderModel::withNewArticles).forEach(this::submitProposals);
        } catch (RuntimeException e) {
            if (!stopping) { // a stop right after the start closes the database under it: no error
                LOG.error("Could not look for recommenders to train", e);
            }
        }
    }

    void submitTraining(long projectId) {
        if (trainingsWaiting.add(projectId)) {
            worker.submit(() -> {
                trainingsWaiting.remove(projectId);
                train(projectId);
            });
        }
    }

    private void submitProposals(long projectId) {
        if (!trainingsWaiting.contains(projectId) && proposalsWaiting.add(projectId)) {
            worker.submit(() -> {
                proposalsWaiting.remove(projectId);
                proposeOnNewArticles(projectId);
            });
        }
    }

    /**
     * Trains the project's model unless another instance is at it: its approved spans are read,
     * a model is learnt and evaluated (Training), stored, and its spans proposed on every live
     * article in place of the last model's.
     */
    void train(long projectId) {
        if (stopping) {
            return;
        }
        String me = instance.id();
        try {
            Instant staleBefore = Timestamps.now().minus(config.trainingTimeout());
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
                RecommenderModel.of(projectId);
                return RecommenderModel.claim(projectId, me, Timestamps.now(), staleBefore);
            });
            if (!claimed) {
                return;
            }
            List<TrainingArticle> articles = QuarkusTransaction.requiringNew()
                    .call(() -> queries.approved(projectId, config.maxTrainingCharacters()));
            if (articles.isEmpty()) {
                fail(projectId, "The project has no approved spans to learn from.");
                return;
            }
            Training.Result result = Training.run(articles, new NameFinder.Settings(config.iterations(), config.cutoff()),
                    config.heldOutEvery());
            byte[] bytes = result.model().bytes();
            String evaluation = result.evaluation() == null ? null : json.writeValueAsString(result.evaluation());
            Instant trainedAt = Timestamps.now();
            boolean stored = QuarkusTransaction.requiringNew().call(() -> {
                RecommenderModel model = RecommenderModel.claimedBy(projectId, me);
                if (model == null) {
                    return false;
                }
                model.state = RecommenderState.TRAINED;
                model.claimedBy = null;
                model.model = bytes;
                model.trainedAt = trainedAt;
                model.trainedOn = result.trainedOn();
                model.evaluation = evaluation;
                model.error = null;
                model.suggestedUpTo = 0;
                return true;
            });
            if (stored && !stopping) {
                suggestions.propose(projectId, result.model(), trainedAt, 0);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "Project %d: the recommender's training failed", projectId);
            fail(projectId, "The training failed: " + e.getMessage());
        }
    }

    /** The current model's spans on the articles imported since it last proposed any. */
    private void proposeOnNewArticles(long projectId) {
        if (stopping) {
            return;
        }
        try {
            RecommenderModel model = QuarkusTransaction.requiringNew().call(() -> RecommenderModel.findById(projectId));
            if (model != null && model.state == RecommenderState.TRAINED && model.model != null) {
                suggestions.propose(projectId, NameFinder.read(model.model), model.trainedAt, model.suggestedUpTo);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Project %d: could not propose the recommender's spans on new articles", projectId);
        }
    }

    /** Records why the training failed, if this instance still holds it; the last model stays. */
    private void fail(long projectId, String why) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                RecommenderModel model = RecommenderModel.claimedBy(projectId, instance.id());
                if (model != null) {
                    model.state = RecommenderState.FAILED;
                    model.claimedBy = null;
                    model.error = why;
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Project %d: could not record the failed training", projectId);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
