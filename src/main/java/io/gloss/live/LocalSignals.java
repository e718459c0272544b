package io.gloss.live;

import io.gloss.audit.ChangeRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** This instance's own commits reach its streams at once, on every database. */
@ApplicationScoped
public class LocalSignals {

    @Inject
    ChangeBus bus;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeRecorded change) {
        bus.signal(change.projectId());
    }
}
