package io.gloss.dataset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's dataset builds on {@code /q/metrics}: builds that ended, by outcome
 * ({@code gloss_dataset_builds_total{outcome="ok"|"failed"}}), how long a build that produced its
 * dataset took and how many bytes its files hold ({@code gloss_dataset_build_duration_seconds},
 * {@code gloss_dataset_bytes}), and the builds handed to its builder
 * ({@code gloss_dataset_queue{state="queued"|"running"}}). A build that stopped because the
 * server stopped or another instance took it over has not ended: it counts where it ends.
 */
@ApplicationScoped
class DatasetMetrics {

    private static final String QUEUE_HELP = "Dataset builds waiting for this instance's builder, or running on it";

    @Inject
    MeterRegistry registry;

    private Counter ok;
    private Counter failed;
    private Timer duration;
    private DistributionSummary bytes;

    @PostConstruct
    void register() {
        ok = builds("ok");
        failed = builds("failed");
        duration = Timer.builder("gloss.dataset.build.duration")
                .description("Time from a build's start (its claim) to its files stored, of builds that succeeded").register(registry);
        bytes = DistributionSummary.builder("gloss.dataset.bytes").baseUnit("bytes")
                .description("Bytes of a built dataset's files, manifest included").register(registry);
    }

    private Counter builds(String outcome) {
        return Counter.builder("gloss.dataset.builds").tag("outcome", outcome)
                .description("Dataset builds that ended on this instance").register(registry);
    }

    /** The builder's queue: datasets handed to its worker and not started, and the one it is building (0 or 1). */
    void watchQueue(Collection<Long> waiting, AtomicInteger running) {
        Gauge.builder("gloss.dataset.queue", waiting, Collection::size).tag("state", "queued")
                .description(QUEUE_HELP).register(registry);
        Gauge.builder("gloss.dataset.queue", running, AtomicInteger::get).tag("state", "running")
                .description(QUEUE_HELP).register(registry);
    }

    /** A build stored its files (committed): its time and its files' bytes. */
    void done(Duration took, long fileBytes) {
        ok.increment();
        duration.record(took);
        bytes.record(fileBytes);
    }

    /** A build was marked FAILED (committed). */
    void failed() {
        failed.increment();
    }
}
