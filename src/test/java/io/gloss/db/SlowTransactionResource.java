package io.gloss.db;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: a transaction that outlives its 1 s timeout, as the single-transaction import did.
 * It writes rows (so that the rollback has something to write to the database's file) and then
 * holds its connection in one 3 s statement, during which the transaction manager rolls it back
 * from a thread of its own, which waits for that statement to end.
 */
@Path("/test/slow-transaction")
public class SlowTransactionResource {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @POST
    @Path("{project}")
    @Operation(hidden = true) // a fixture of the tests, not part of the API they check
    @Transactional
    @TransactionConfiguration(timeout = 1)
    public String run(@PathParam("project") long projectId) {
        if (dbKind.equals("h2")) { // DDL, which H2 commits at once: before the writes
            em.createNativeQuery("create alias if not exists gloss_test_sleep for 'java.lang.Thread.sleep(long)'").executeUpdate();
        }
        em.createNativeQuery("insert into article (id, project_id, title, body, length, sha256, created_by, created_at) "
                + "select 1000000000 + x, ?1, 'Slow', 'slow text', 9, 'slow-' || x, 'test', current_timestamp "
                + "from " + (dbKind.equals("h2") ? "system_range(1, 2000)" : "generate_series(1, 2000) as s(x)"))
                .setParameter(1, projectId).executeUpdate();
        if (dbKind.equals("h2")) {
            em.createNativeQuery("call gloss_test_sleep(3000)").getSingleResult();
        } else {
            em.createNativeQuery("select pg_sleep(3)").getSingleResult();
        }
        return "done";
    }
}
