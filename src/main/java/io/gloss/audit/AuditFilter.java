package io.gloss.audit;

import java.time.Instant;

/** The filters of the audit list; nulls (and blank texts) are "any". */
public record AuditFilter(String entity, Long id, String user, String action, Instant from, Instant to) {
}
