package io.gloss.review;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;

/** The review queue's settings ({@code gloss.review.*}). */
@ConfigMapping(prefix = "gloss.review")
public interface ReviewConfig {

    /**
     * The queue counts each status up to this many, so that opening a queue of a million costs
     * what one of ten thousand does (a reviewer needs "10,000+", not the exact figure).
     */
    @Min(1)
    int countLimit();
}
