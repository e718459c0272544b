package io.gloss.live;

import io.agroal.api.AgroalDataSource;
import io.gloss.audit.AuditEvent;
import io.gloss.audit.ChangeRecorded;
import io.gloss.db.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Carries changes between instances that share one PostgreSQL, with no broker of Gloss' own:
 * every change {@code NOTIFY}s in its transaction (PostgreSQL delivers it at the commit, and
 * drops it on a rollback), and each instance {@code LISTEN}s on one connection and signals its
 * bus for every other instance's change. The payload is {@code <project>:<instance>}, far below
 * PostgreSQL's 8,000-byte limit; the changes themselves are read from the log, so a notification
 * lost while the connection was down costs nothing: after reconnecting, every project is read
 * again. On H2 (one instance) nothing of this runs.
 */
@ApplicationScoped
public class PostgresFanOut {

    static final String CHANNEL = "gloss_changes";
    private static final Logger LOG = Logger.getLogger(PostgresFanOut.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Tells this instance's notifications from the others': it signalled its own bus already, at the commit. */
    final String instance = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeBus bus;

    private volatile boolean running;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        if (!database.isPostgres()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "gloss-listen");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** In the change's transaction: sent to the other instances when it commits. */
    void notifyOthers(@Observes(during = TransactionPhase.IN_PROGRESS) ChangeRecorded change) {
        if (database.isPostgres()) {
            AuditEvent.getEntityManager().createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, CHANNEL).setParameter(2, change.projectId() + ":" + instance).getResultList();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                bus.signalAll(); // whatever committed while no one listened
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            received(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Lost the link to the other instances (%s); trying again in %s", e.getMessage(), RETRY);
                    pause();
                }
            }
        }
    }

    private void received(String payload) {
        int colon = payload.indexOf(':');
        if (colon > 0 && !payload.substring(colon + 1).equals(instance)) {
            try {
                bus.signal(Long.parseLong(payload.substring(0, colon)));
            } catch (NumberFormatException e) {
                LOG.warnf("Ignored a notification Gloss did not send: %s", payload);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
