package io.gloss.audit;

import io.gloss.auth.AccountChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Puts account and token changes into the audit trail, in their own transaction: both commit or neither. */
@ApplicationScoped
public class AccountAudit {

    @Inject
    AuditService audit;

    void record(@Observes AccountChanged change) {
        audit.record(null, change.entity(), change.id(), change.action(), change.before(), change.after());
    }
}
