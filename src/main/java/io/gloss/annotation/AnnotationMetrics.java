package io.gloss.annotation;

import io.gloss.db.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Annotations created, on {@code /q/metrics} as {@code gloss_annotations_created_total}: every
 * span stored, by hand, from a suggestion or by a pre-annotated import, counted once its
 * transaction has committed. Made at start, so that the series is there from 0 and a rate over it
 * sees the first annotation.
 */
@Startup
@ApplicationScoped
class AnnotationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    private Counter created;

    @PostConstruct
    void register() {
        created = Counter.builder("gloss.annotations.created")
                .description("Annotations stored (by hand, from suggestions, by imports)").register(registry);
    }

    /** A new annotation was stored in the current transaction: counted when it commits. */
    void created() {
        afterCommit.run(created::increment);
    }
}
