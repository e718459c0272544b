package io.gloss.stats;

import io.gloss.stats.StatsFacts.Decision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes a batch's changes of the counts and of what is counted for each annotation, with the
 * connection of the batch's transaction. Only the taker holding {@code stats_lock} writes here,
 * so reading a count and writing it again cannot race.
 */
final class StatsCountWriter {

    private static final Logger LOG = Logger.getLogger(StatsCountWriter.class);

    private StatsCountWriter() {
    }

    /** Adds each change to its count: a new key gets a row, a count back to zero loses its row. */
    static void apply(Connection connection, StatsDeltas deltas) throws SQLException {
        for (StatsTable table : StatsTable.values()) {
            Map<List<Object>, Long> changes = deltas.of(table);
            if (changes.isEmpty()) {
                continue;
            }
            List<Map.Entry<List<Object>, Long>> entries = new ArrayList<>(changes.entrySet());
            int[] updated;
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table.table + " set n = n + ? where " + table.keyCondition())) {
                for (Map.Entry<List<Object>, Long> change : entries) {
                    update.setLong(1, change.getValue());
                    bind(update, 2, change.getKey());
                    update.addBatch();
                }
                updated = update.executeBatch();
            }
            insertNew(connection, table, entries, updated);
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table.table + " where " + table.keyCondition() + " and n = 0")) {
                for (Map.Entry<List<Object>, Long> change : entries) {
                    if (change.getValue() < 0) {
                        bind(delete, 1, change.getKey());
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
            }
        }
    }

    private static void insertNew(Connection connection, StatsTable table, List<Map.Entry<List<Object>, Long>> entries,
            int[] updated) throws SQLException {
        String columns = String.join(", ", table.key);
        String marks = "?, ".repeat(table.key.size());
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table.table + " (" + columns + ", n) values (" + marks + "?)")) {
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] != 0) {
                    continue;
                }
                Map.Entry<List<Object>, Long> change = entries.get(i);
                if (change.getValue() < 0) {
                    // Only possible if the counts were changed by hand: say so rather than count below zero.
                    LOG.warnf("Statistics: %s %s would go below zero; left out", table.table, change.getKey());
                    continue;
                }
                bind(insert, 1, change.getKey());
                insert.setLong(table.key.size() + 1, change.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Replaces what is counted for the batch's annotations ({@code ids}) by what was counted now. */
    static void replaceCounted(Connection connection, String ids, List<Map.Entry<Long, StatsFacts>> now) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from stats_counted_decision where annotation_id in (" + ids + ")");
            delete.executeUpdate("delete from stats_counted where annotation_id in (" + ids + ")");
        }
        try (PreparedStatement counted = connection.prepareStatement("insert into stats_counted"
                        + " (annotation_id, project_id, label_id, status, author, created_on) values (?, ?, ?, ?, ?, ?)");
                PreparedStatement decided = connection.prepareStatement("insert into stats_counted_decision"
                        + " (annotation_id, decided_on, reviewer, status, waited_seconds) values (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, StatsFacts> entry : now) {
                StatsFacts facts = entry.getValue();
                bind(counted, 1, List.of(entry.getKey(), facts.projectId(), facts.labelId(), facts.status(), facts.author(),
                        facts.createdOn()));
                counted.addBatch();
                for (Decision d : facts.decisions()) {
                    bind(decided, 1, List.of(entry.getKey(), d.decidedOn(), d.reviewer(), d.status()));
                    if (d.waitedSeconds() == null) {
                        decided.setNull(5, Types.BIGINT);
                    } else {
                        decided.setLong(5, d.waitedSeconds());
                    }
                    decided.addBatch();
                }
            }
            counted.executeBatch();
            decided.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int first, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(first + i, values.get(i));
        }
    }
}
