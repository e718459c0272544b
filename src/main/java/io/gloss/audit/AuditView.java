package io.gloss.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** An audit event as {@code GET /api/audit} returns it; before and after are JSON objects. */
public record AuditView(Long id, Long projectId, String entity, Long entityId, String action, String user, Instant at,
        JsonNode before, JsonNode after) {

    static AuditView of(AuditEvent e, ObjectMapper json) {
        return new AuditView(e.id, e.projectId, e.entity, e.entityId, e.action, e.actor, e.at, parse(json, e.before),
                parse(json, e.after));
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored audit image is not JSON", e);
        }
    }
}
