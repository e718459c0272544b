package io.gloss.stats;

import io.agroal.api.AgroalDataSource;
import io.gloss.stats.StatsFacts.Decision;
import io.gloss.stats.StatsFacts.Transition;
import io.gloss.web.GlossException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the counts behind the statistics (db/migration/V30) in step with the annotations. The
 * database's triggers queue every annotation whose counted facts may have changed; a batch of the
 * queue is taken in one transaction: for each annotation, what was counted for it before
 * ({@code stats_counted*}) is taken away and what counts now is added, so taking an annotation
 * twice, or in any order, counts it once. A background thread takes the queue as it fills; a
 * statistics request first takes what is left ({@link #catchUp}), so that it counts every change
 * committed before it. One taker at a time, across instances: each batch locks {@code stats_lock}.
 */
@ApplicationScoped
public class StatsCounter {

    private static final Logger LOG = Logger.getLogger(StatsCounter.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "gloss.stats.batch-size")
    int batchSize;

    /** Beyond this many queued changes a request is not kept waiting: it is told to come back. */
    @ConfigProperty(name = "gloss.stats.catch-up-limit")
    long catchUpLimit;

    /** Set at shutdown: a long count stops after its current batch (the rest stays queued). */
    private volatile boolean stopping;
    private final ScheduledExecutorService taker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gloss-stats");
        thread.setDaemon(true);
        return thread;
    });

    void start(@Observes StartupEvent event) {
        taker.scheduleWithFixedDelay(this::takeQuietly, 0, 500, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        taker.shutdown();
        taker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Takes the whole queue in before a statistics request reads the counts. A queue longer than
     * {@code gloss.stats.catch-up-limit} (a restore, a large import, the first start after an
     * upgrade) is answered 503: the background thread is counting it.
     */
    public void catchUp() {
        Queue queued = queue();
        if (queued.rows() > catchUpLimit) {
            throw new GlossException(503, "counting", "The statistics are being counted after a large change: "
                    + queued.rows() + " annotations are left to count. Try again in a minute.").with("pending", queued.rows());
        }
        // Up to the last row queued before the request, not what writers add meanwhile.
        while (queued.rows() > 0 && takeBatch() > 0) {
            Queue left = queue();
            if (left.rows() == 0 || left.first() > queued.last()) {
                break;
            }
        }
    }

    /** Changes queued and not counted yet. */
    public long pending() {
        return queue().rows();
    }

    /** The queue's size, and the ids of its first and last rows (0 when empty). */
    private record Queue(long rows, long first, long last) {
    }

    private Queue queue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement count = connection.createStatement();
                    ResultSet rows = count.executeQuery("select count(*), min(id), max(id) from stats_queue")) {
                rows.next();
                return new Queue(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        });
    }

    private void takeQuietly() {
        long started = System.nanoTime();
        long taken = 0;
        try {
            int batch;
            do {
                batch = takeBatch();
                taken += batch;
            } while (batch > 0 && !stopping);
            if (taken > catchUpLimit) {
                // The end of a long count (requests were answered 503 meanwhile) is worth a line in the log.
                LOG.infof("Statistics: counted a queue of %d changes in %.1f s", taken,
                        (System.nanoTime() - started) / 1e9);
            }
        } catch (RuntimeException e) {
            LOG.warn("The statistics could not count the latest changes; they try again shortly", e);
        }
    }

    /**
     * Takes the annotations of the oldest {@code batch-size} queue rows in, with all their queued
     * rows, in a transaction of its own; the number of queue rows taken (0: the queue is empty).
     */
    int takeBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return takeBatch(connection);
            }
        });
    }

    private int takeBatch(Connection connection) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.executeQuery("select id from stats_lock where id = 1 for update").close();
        }
        Set<Long> annotations = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select annotation_id from stats_queue order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    annotations.add(rows.getLong(1));
                }
            }
        }
        if (annotations.isEmpty()) {
            return 0;
        }
        String ids = join(annotations);
        // Every queued row of these annotations, read before their state: a row committed later
        // stays queued for the next batch, since this one may not see its change.
        List<Long> queueIds = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select id from stats_queue where annotation_id in (" + ids + ")")) {
            while (rows.next()) {
                queueIds.add(rows.getLong(1));
            }
        }
        StatsDeltas deltas = new StatsDeltas();
        countedBefore(connection, ids).forEach(facts -> facts.addTo(deltas, -1));
        List<Map.Entry<Long, StatsFacts>> now = countedNow(connection, ids);
        now.forEach(facts -> facts.getValue().addTo(deltas, 1));
        StatsCountWriter.apply(connection, deltas);
        StatsCountWriter.replaceCounted(connection, ids, now);
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from stats_queue where id in (" + join(queueIds) + ")");
        }
        return queueIds.size();
    }

    /** What was counted for these annotations. */
    private static List<StatsFacts> countedBefore(Connection connection, String ids) throws SQLException {
        Map<Long, List<Decision>> decisions = new HashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select annotation_id, decided_on, reviewer, status, waited_seconds"
                        + " from stats_counted_decision where annotation_id in (" + ids + ")")) {
            while (rows.next()) {
                decisions.computeIfAbsent(rows.getLong(1), a -> new ArrayList<>()).add(new Decision(
                        rows.getObject(2, LocalDate.class), rows.getString(3), rows.getString(4), nullableLong(rows, 5)));
            }
        }
        List<StatsFacts> counted = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select annotation_id, project_id, label_id, status, author, created_on"
                        + " from stats_counted where annotation_id in (" + ids + ")")) {
            while (rows.next()) {
                counted.add(new StatsFacts(rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                        rows.getObject(6, LocalDate.class), decisions.getOrDefault(rows.getLong(1), List.of())));
            }
        }
        return counted;
    }

    /** What counts now for those of these annotations that are live, by id. */
    private static List<Map.Entry<Long, StatsFacts>> countedNow(Connection connection, String ids) throws SQLException {
        Map<Long, List<Transition>> transitions = new HashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select annotation_id, id, to_status, actor, at from annotation_transition"
                        + " where annotation_id in (" + ids + ") order by annotation_id, id")) {
            while (rows.next()) {
                transitions.computeIfAbsent(rows.getLong(1), a -> new ArrayList<>()).add(new Transition(rows.getLong(2),
                        rows.getString(3), rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant()));
            }
        }
        List<Map.Entry<Long, StatsFacts>> live = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select n.id, n.project_id, n.label_id, n.status, n.author, n.created_at"
                        + " from annotation n join article r on r.id = n.article_id where n.deleted_at is null"
                        + " and r.retired_at is null and n.id in (" + ids + ")")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                live.add(Map.entry(id, new StatsFacts(rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                        StatsFacts.day(rows.getObject(6, OffsetDateTime.class).toInstant()),
                        StatsFacts.decisions(transitions.getOrDefault(id, List.of())))));
            }
        }
        return live;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /** Ids for an {@code in (…)} list: numbers only, so written into the SQL. */
    static String join(Iterable<Long> ids) {
        StringBuilder sql = new StringBuilder();
        ids.forEach(id -> sql.append(sql.length() == 0 ? "" : ",").append(id.longValue()));
        return sql.toString();
    }
}
