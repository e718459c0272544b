package io.gloss.recommender;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** When and how the recommender trains ({@code gloss.recommender.*}). */
@ConfigMapping(prefix = "gloss.recommender")
public interface RecommenderConfig {

    /** A project is retrained by itself once this many of its spans were approved since its last training began. */
    @Min(1)
    int retrainAfter();

    /** How often each instance looks for projects to retrain and for new articles to suggest on. */
    Duration checkEvery();

    /** A training that began this long ago and has not ended is taken to be dead (its instance stopped), and runs again. */
    Duration trainingTimeout();

    /** Every n-th approved article, by id, is held out of the training to evaluate the model. */
    @Min(2)
    int heldOutEvery();

    /** OpenNLP's training iterations. */
    @Min(1)
    int iterations();

    /** OpenNLP keeps a feature only when it is seen at least this many times. */
    @Min(0)
    int cutoff();

    /**
     * A training learns from the newest approved articles up to this many characters of text in
     * all (at least one article): its memory grows with the text, about 1.3 KB a character.
     */
    @Min(1)
    long maxTrainingCharacters();

    /** Articles whose model suggestions are replaced in one transaction. */
    @Min(1)
    int batchSize();
}
