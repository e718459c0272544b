package io.gloss.audit;

import java.time.Instant;

/** The filters of the audit list; nulls (and blank texts) are "any". */
public record AuditFilter(Long projectId, String entity, Long id, String user, String action, Instant from, Instant to) {

    /** The events of one record. */
    public static AuditFilter of(String entity, long id) {
        return new AuditFilter(null, entity, id, null, null, null, null);
    }
}
