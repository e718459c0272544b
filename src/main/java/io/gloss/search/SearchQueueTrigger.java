package io.gloss.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2 calls this for every row written to {@code article} or {@code annotation} (db/h2/V29): it
 * queues the row's id in the writing transaction, so the queue commits or rolls back with the
 * change. An article retired, brought back or deleted is queued as {@link #ARTICLE_CHANGED}: its
 * annotations leave or rejoin the index with it. Any other change of an article (its words
 * folded by the backfill) leaves its annotations alone.
 */
public class SearchQueueTrigger implements Trigger {

    static final String ARTICLE_CHANGED = "U";

    private String kind;
    /** Where {@code retired_at} is in an article's row; -1 for annotations. */
    private int retiredAt = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        kind = SearchKind.ofTable(table).code();
        if (kind.equals(SearchKind.ARTICLE.code())) {
            try (PreparedStatement none = connection.prepareStatement("select * from article where 1 = 0")) {
                ResultSetMetaData columns = none.executeQuery().getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    if (columns.getColumnName(i).equalsIgnoreCase("retired_at")) {
                        retiredAt = i - 1;
                    }
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // Both tables hold their id in the first column (V1).
        Object id = (newRow != null ? newRow : oldRow)[0];
        boolean articleChanged = retiredAt >= 0 && oldRow != null
                && (newRow == null || !Objects.equals(oldRow[retiredAt], newRow[retiredAt]));
        try (PreparedStatement queue = connection.prepareStatement("insert into search_queue (kind, ref_id) values (?, ?)")) {
            queue.setString(1, articleChanged ? ARTICLE_CHANGED : kind);
            queue.setLong(2, ((Number) id).longValue());
            queue.executeUpdate();
        }
    }
}
