package io.gloss.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.gloss.audit.AuditEvent;
import io.gloss.audit.ChangeRecorded;
import io.gloss.db.Database;
import io.gloss.db.InstanceIdentity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * again. Presence travels the same way on a channel of its own, repeated at every keep-alive.
 * On H2 (one instance) nothing of this runs.
 */
@ApplicationScoped
public class PostgresFanOut {

    static final String CHANNEL = "gloss_changes";
    static final String PRESENCE_CHANNEL = "gloss_presence";
    /** Below PostgreSQL's 8,000-byte limit on a payload, with room to spare. */
    private static final int MAX_PAYLOAD = 7_000;
    private static final Logger LOG = Logger.getLogger(PostgresFanOut.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Tells this instance's notifications from the others': it signalled its own bus already, at the commit. */
    @Inject
    InstanceIdentity identity;

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeBus bus;

    @Inject
    ObjectMapper json;

    private volatile boolean running;
    private Thread listener;
    /** Sends presence outside any transaction, off the request and bus threads. */
    private ExecutorService announcer;

    void start(@Observes StartupEvent event) {
        if (!database.isPostgres()) {
            return;
        }
        running = true;
        announcer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gloss-presence");
            t.setDaemon(true);
            return t;
        });
        listener = new Thread(this::listen, "gloss-listen");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (announcer != null) {
            announcer.shutdown();
        }
    }

    /** In the change's transaction: sent to the other instances when it commits. */
    void notifyOthers(@Observes(during = TransactionPhase.IN_PROGRESS) ChangeRecorded change) {
        if (database.isPostgres()) {
            // Nothing to flush for it: the change's counter update flushed its rows just before.
            AuditEvent.getEntityManager().createNativeQuery("select pg_notify(?1, ?2)").setFlushMode(FlushModeType.COMMIT)
                    .setParameter(1, CHANNEL).setParameter(2, change.projectId() + ":" + identity.id()).getResultList();
        }
    }

    /**
     * Tells the other instances who this instance's streams have on an article:
     * {@code {"instance", "project", "article", "users"}}, or {@code {"instance", "hello": true}}
     * from an instance that has just (re)connected and asks everyone to repeat theirs.
     */
    void announce(@Observes PresenceAnnounced presence) {
        if (running) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("instance", identity.id());
            message.put("project", presence.projectId());
            message.put("article", presence.articleId());
            message.put("users", presence.users());
            publish(message);
        }
    }

    private void publish(Map<String, Object> message) {
        announcer.execute(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, PRESENCE_CHANNEL);
                notify.setString(2, fitted(message));
                notify.execute();
            } catch (SQLException | JsonProcessingException e) {
                LOG.warnf("Could not tell the other instances who is on an article (%s); the next keep-alive repeats it",
                        e.getMessage());
            }
        });
    }

    /** The message as JSON, its list of users cut short if it would not fit in a notification (hundreds of people on one article). */
    @SuppressWarnings("unchecked")
    private String fitted(Map<String, Object> message) throws JsonProcessingException {
        String payload = json.writeValueAsString(message);
        while (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            List<String> users = (List<String>) message.get("users");
            message.put("users", users.subList(0, users.size() / 2));
            payload = json.writeValueAsString(message);
        }
        return payload;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + PRESENCE_CHANNEL);
                }
                bus.signalAll(); // whatever committed while no one listened
                publish(new LinkedHashMap<>(Map.of("instance", identity.id(), "hello", true)));
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (PRESENCE_CHANNEL.equals(notification.getName())) {
                                presenceReceived(notification.getParameter());
                            } else {
                                received(notification.getParameter());
                            }
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
        if (colon > 0 && !payload.substring(colon + 1).equals(identity.id())) {
            try {
                bus.signal(Long.parseLong(payload.substring(0, colon)));
            } catch (NumberFormatException e) {
                LOG.warnf("Ignored a notification Gloss did not send: %s", payload);
            }
        }
    }

    private void presenceReceived(String payload) {
        try {
            JsonNode message = json.readTree(payload);
            String from = message.path("instance").asText();
            if (from.isEmpty() || from.equals(identity.id())) {
                return;
            }
            if (message.path("hello").asBoolean()) {
                bus.announcePresence();
                return;
            }
            List<String> users = new ArrayList<>();
            message.path("users").forEach(user -> users.add(user.asText()));
            bus.remotePresence(from, message.path("project").asLong(), message.path("article").asLong(), users);
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignored a presence notification Gloss did not send: %s", payload);
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
