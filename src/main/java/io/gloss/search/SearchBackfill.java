package io.gloss.search;

import io.agroal.api.AgroalDataSource;
import io.gloss.text.SearchTokens;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Folds the words of rows that have none yet ({@code search_text} null): rows written before V28
 * and rows restored from an older backup. Runs once at every start, off its path, a batch per
 * transaction; until it is through, those rows are not found.
 */
@ApplicationScoped
public class SearchBackfill {

    private static final Logger LOG = Logger.getLogger(SearchBackfill.class);
    private static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gloss-search-backfill");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        worker.submit(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Rows folded in this run; public for the test that writes a row without words. */
    public int run() {
        try {
            int folded = fill("article", "title, body") + fill("annotation", "quote, note");
            if (folded > 0) {
                LOG.infof("Search: folded the words of %d older rows", folded);
            }
            return folded;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Search could not fold the words of older rows; it tries again at the next start", e);
            return 0;
        }
    }

    private int fill(String table, String columns) throws SQLException {
        int total = 0;
        // Each batch starts after the last one's ids: on H2, which has no partial index, "where
        // search_text is null order by id" read every row already folded again, bodies included,
        // so a batch cost more the further the backfill got (hours for the bench's million rows).
        long after = Long.MIN_VALUE;
        while (!stopping) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("select id, " + columns + " from " + table
                        + " where id > ? and search_text is null order by id limit " + BATCH)) {
                    select.setLong(1, after);
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            rows.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3)});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return total;
                }
                after = (Long) rows.get(rows.size() - 1)[0];
                try (PreparedStatement update = connection.prepareStatement("update " + table + " set search_text = ? where id = ?")) {
                    for (Object[] row : rows) {
                        String second = (String) row[2];
                        update.setString(1, SearchTokens.fold(second == null ? (String) row[1] : row[1] + "\n" + second));
                        update.setLong(2, (Long) row[0]);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                connection.commit();
                total += rows.size();
            }
        }
        return total;
    }
}
