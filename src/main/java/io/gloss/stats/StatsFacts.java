package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What one live annotation adds to the counts: one to its project's status and label, one to its
 * author's UTC day of creation, and each of its decisions to the reviewer's day, with how long it
 * waited since the last submission before it. Plain Java.
 */
record StatsFacts(long projectId, long labelId, String status, String author, LocalDate createdOn, List<Decision> decisions) {

    /** {@code waitedSeconds} coarsened by {@link StatsWaits}; null without a submission before the decision. */
    record Decision(LocalDate decidedOn, String reviewer, String status, Long waitedSeconds) {
    }

    /** A status change of the annotation as stored, in the order of its id. */
    record Transition(long id, String to, String actor, Instant at) {
    }

    /** The decisions among an annotation's transitions (given in the order of their ids). */
    static List<Decision> decisions(List<Transition> transitions) {
        List<Decision> decisions = new ArrayList<>();
        for (Transition t : transitions) {
            if (isDecision(t.to())) {
                decisions.add(new Decision(day(t.at()), t.actor(), t.to(), waited(t, transitions)));
            }
        }
        return decisions;
    }

    /** Adds (sign 1) or takes away (sign -1) these facts from the counts. */
    void addTo(StatsDeltas deltas, long sign) {
        deltas.add(StatsTable.LIVE, sign, projectId, labelId, status);
        deltas.add(StatsTable.CREATED, sign, projectId, createdOn, author);
        for (Decision d : decisions) {
            deltas.add(StatsTable.DECIDED, sign, projectId, d.decidedOn(), d.reviewer(), author, d.status());
            if (d.waitedSeconds() != null) {
                deltas.add(StatsTable.WAITED, sign, projectId, d.decidedOn(), d.reviewer(), d.waitedSeconds());
            }
        }
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static boolean isDecision(String status) {
        return status.equals(AnnotationStatus.APPROVED.name()) || status.equals(AnnotationStatus.REJECTED.name());
    }

    /** Since the latest submission at or before the decision, among those stored before it; null: none. */
    private static Long waited(Transition decision, List<Transition> transitions) {
        Instant submitted = null;
        for (Transition t : transitions) {
            if (t.id() < decision.id() && t.to().equals(AnnotationStatus.SUBMITTED.name()) && !t.at().isAfter(decision.at())
                    && (submitted == null || t.at().isAfter(submitted))) {
                submitted = t.at();
            }
        }
        return submitted == null ? null : StatsWaits.coarsen(Duration.between(submitted, decision.at()).getSeconds());
    }
}
