package io.gloss.dataset;

import java.time.Duration;

/**
 * Whether a build's progress is worth an event on the project's stream: at most one per
 * {@code every}, and only when the number of articles written has changed since the last one.
 */
final class ProgressThrottle {

    private final long everyNanos;
    private long lastAt;
    private int lastDone;

    /** {@code startNanos}: when the build's start (0 articles done) was reported. */
    ProgressThrottle(Duration every, long startNanos) {
        this.everyNanos = every.toNanos();
        this.lastAt = startNanos;
    }

    /** True when {@code done} articles at {@code nanos} ({@link System#nanoTime}) should be reported; then it counts as reported. */
    boolean due(int done, long nanos) {
        if (done == lastDone || nanos - lastAt < everyNanos) {
            return false;
        }
        lastAt = nanos;
        lastDone = done;
        return true;
    }
}
