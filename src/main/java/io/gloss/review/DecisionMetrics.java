package io.gloss.review;

import io.gloss.db.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decisions on annotations, on {@code /q/metrics} as
 * {@code gloss_annotations_decided_total{decision="approve"|"reject"}}: a reviewer's (alone or in
 * bulk) and a curator's, counted once the transaction has committed. Made at start, so that both
 * series are there from 0.
 */
@Startup
@ApplicationScoped
class DecisionMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    private final Map<Decision, Counter> decided = new EnumMap<>(Decision.class);

    @PostConstruct
    void register() {
        for (Decision decision : Decision.values()) {
            decided.put(decision, Counter.builder("gloss.annotations.decided")
                    .tag("decision", decision.name().toLowerCase(Locale.ROOT))
                    .description("Annotations approved or rejected").register(registry));
        }
    }

    /** An annotation was decided on in the current transaction: counted when it commits. */
    void decided(Decision decision) {
        afterCommit.run(decided.get(decision)::increment);
    }
}
