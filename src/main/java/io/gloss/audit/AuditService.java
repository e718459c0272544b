package io.gloss.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    @Inject
    Event<ChangeRecorded> changes;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long projectId, String entity, long entityId, String action, Object before, Object after) {
        event(projectId, entity, entityId, action, before, after).persist();
    }

    /**
     * Records a change members see (on the article page, in the project's event stream and
     * changes feed) as well as its audit event: the event takes the project's next change cursor.
     * Call it last in the transaction: the project's counter stays locked until the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(long projectId, Long articleId, String entity, long entityId, String action, Object before,
            Object after) {
        AuditEvent event = event(projectId, entity, entityId, action, before, after);
        event.articleId = articleId;
        event.changeCursor = ChangeCounter.next(AuditEvent.getEntityManager(), projectId);
        event.persist();
        changes.fire(new ChangeRecorded(projectId, event.changeCursor));
    }

    /**
     * The articles that recorded changes after {@code cursor} were about, or null when one of
     * them was about the project itself (a label, a setting): what was derived from the project's
     * articles as they were at {@code cursor} holds for every other article.
     */
    public Set<Long> articlesChangedAfter(long projectId, long cursor) {
        List<Long> articles = AuditEvent.getEntityManager().createQuery("select distinct e.articleId from AuditEvent e "
                + "where e.projectId = :project and e.changeCursor > :cursor", Long.class)
                .setParameter("project", projectId).setParameter("cursor", cursor).getResultList();
        return articles.contains(null) ? null : new HashSet<>(articles);
    }

    /** The project's latest change cursor: a page rendered now asks for the changes after it. */
    public long latestCursor(long projectId) {
        return ChangeCounter.latest(AuditEvent.getEntityManager(), projectId);
    }

    private AuditEvent event(Long projectId, String entity, long entityId, String action, Object before, Object after) {
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
        return event;
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
