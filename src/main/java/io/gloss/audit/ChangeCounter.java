package io.gloss.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import java.util.List;

/**
 * Hands out a project's change cursors: 1, 2, 3, … The counter's row stays locked by the
 * transaction that took a number until it ends, so a later number never commits before an
 * earlier one, and "everything after cursor n" never skips a change still in flight. The lock is
 * taken last in a write (after the rows it changes), in project order when there are several.
 */
final class ChangeCounter {

    private ChangeCounter() {
    }

    static long next(EntityManager em, long projectId) {
        if (increment(em, projectId) == 0) {
            create(projectId);
            increment(em, projectId);
        }
        // The update above flushed the transaction's rows; flushing again would only check every
        // entity of the session for changes, which a bulk write of thousands pays per row.
        return ((Number) em.createNativeQuery("select last_cursor from change_counter where project_id = ?1")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, projectId).getSingleResult()).longValue();
    }

    private static int increment(EntityManager em, long projectId) {
        return em.createNativeQuery("update change_counter set last_cursor = last_cursor + 1 where project_id = ?1")
                .setParameter(1, projectId).executeUpdate();
    }

    /**
     * The project's first change (a project made before the counter, or by a test): the row is
     * made and committed in a transaction of its own, so two first changes at once do not both
     * insert it; the one that loses the race finds it made (mostly by the {@code not exists}, which
     * spares the log a key violation; when both pass it at once, by the violation).
     */
    private static void create(long projectId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> AuditEvent.getEntityManager()
                    .createNativeQuery("insert into change_counter (project_id, last_cursor) select ?1, 0 "
                            + "where not exists (select 1 from change_counter where project_id = ?1)")
                    .setParameter(1, projectId).executeUpdate());
        } catch (PersistenceException e) {
            // made by the other transaction in the meantime
        }
    }

    /** The project's latest cursor (0 before its first change). */
    static long latest(EntityManager em, long projectId) {
        List<?> found = em.createNativeQuery("select last_cursor from change_counter where project_id = ?1")
                .setParameter(1, projectId).getResultList();
        return found.isEmpty() ? 0 : ((Number) found.get(0)).longValue();
    }
}
