package io.gloss.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2 calls this for every row written to {@code annotation}, {@code annotation_transition} and
 * {@code article} (db/h2/V31): it queues, in the writing transaction, the annotations whose
 * counted facts may have changed, by the same rules as PostgreSQL's triggers (db/postgresql/V31).
 */
public class StatsQueueTrigger implements Trigger {

    /** An annotation's columns whose change changes what is counted for it. */
    private static final List<String> COUNTED = List.of("status", "label_id", "deleted_at", "author", "created_at",
            "article_id", "project_id");

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table.toLowerCase(Locale.ROOT);
        try (PreparedStatement none = connection.prepareStatement("select * from " + this.table + " where 1 = 0")) {
            ResultSetMetaData meta = none.executeQuery().getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), i - 1);
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] row = newRow != null ? newRow : oldRow;
        switch (table) {
            case "annotation":
                if (oldRow == null || newRow == null || COUNTED.stream().anyMatch(c -> changed(c, oldRow, newRow))) {
                    queue(connection, "insert into stats_queue (annotation_id) values (?)", row[columns.get("id")]);
                }
                break;
            case "annotation_transition":
                queue(connection, "insert into stats_queue (annotation_id) values (?)", row[columns.get("annotation_id")]);
                break;
            case "article":
                if (changed("retired_at", oldRow, newRow)) {
                    queue(connection, "insert into stats_queue (annotation_id) select id from annotation where article_id = ?",
                            row[columns.get("id")]);
                }
                break;
            default:
                throw new SQLException("StatsQueueTrigger is not meant for table " + table);
        }
    }

    private boolean changed(String column, Object[] oldRow, Object[] newRow) {
        int at = columns.get(column);
        return !Objects.equals(oldRow[at], newRow[at]);
    }

    private static void queue(Connection connection, String sql, Object id) throws SQLException {
        try (PreparedStatement queue = connection.prepareStatement(sql)) {
            queue.setLong(1, ((Number) id).longValue());
            queue.executeUpdate();
        }
    }
}
