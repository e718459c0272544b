package io.gloss.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 calls this for every row written to {@code article} or {@code annotation} (db/h2/V29): it
 * queues the row's id in the writing transaction, so the queue commits or rolls back with the
 * change. An article written again (retired, deleted) is queued as {@link #ARTICLE_CHANGED}. {@link LuceneIndex} reads the queue and brings the index up to date.
 */
public class SearchQueueTrigger implements Trigger {

    /** An article changed or went: its annotations are indexed again too (retiring one hides them). */
    static final String ARTICLE_CHANGED = "U";

    private String kind;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        kind = SearchKind.ofTable(table).code();
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // Both tables hold their id in the first column (V1).
        Object id = (newRow != null ? newRow : oldRow)[0];
        boolean articleChanged = oldRow != null && kind.equals(SearchKind.ARTICLE.code());
        try (PreparedStatement queue = connection.prepareStatement("insert into search_queue (kind, ref_id) values (?, ?)")) {
            queue.setString(1, articleChanged ? ARTICLE_CHANGED : kind);
            queue.setLong(2, ((Number) id).longValue());
            queue.executeUpdate();
        }
    }
}
