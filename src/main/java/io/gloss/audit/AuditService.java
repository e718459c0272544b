package io.gloss.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes audit events. It joins the caller's transaction and refuses to run without one, so an
 * event is committed with the change it describes, or rolled back with it.
 */
@ApplicationScoped
public class AuditService {

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser currentUser;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long projectId, String entity, long entityId, String action, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.projectId = projectId;
        event.entity = entity;
        event.entityId = entityId;
        event.action = action;
        String user = currentUser.username();
        event.actor = user == null ? "system" : user;
        event.at = Timestamps.now();
        event.before = toJson(before);
        event.after = toJson(after);
        event.persist();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit image could not be written as JSON", e);
        }
    }
}
