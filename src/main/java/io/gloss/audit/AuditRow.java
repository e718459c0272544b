package io.gloss.audit;

import java.util.List;

/** An audit event as the pages list it: the event, what it changed, and the page of its record. */
public record AuditRow(AuditView event, List<AuditChanges.Change> changes, String link) {

    public static AuditRow of(AuditView event) {
        // Annotations have a page of their own (with their history); other records not yet.
        String link = "annotation".equals(event.entity()) ? "/annotations/" + event.entityId() : null;
        return new AuditRow(event, AuditChanges.of(event.before(), event.after()), link);
    }
}
