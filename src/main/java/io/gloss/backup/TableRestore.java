package io.gloss.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts one table's rows of a backup, in the restore's transaction: each row with a new id, its
 * references to restored rows rewritten (a reference within the table is set once the whole table
 * is in, as an annotation may be merged into a later one), every value bound by the type of its
 * column here. A row that cannot be written refuses the whole restore, naming the row.
 */
final class TableRestore {

    /** Rows sent to the database at once. */
    private static final int BATCH = 200;

    private final Connection connection;
    private final IdBlocks ids;
    /** Old id → new id, per table, for every table restored so far (this one included). */
    private final Map<String, Map<Long, Long>> newIds;
    private final BackupTable table;
    private final List<Pending> later = new ArrayList<>();

    /** A reference to a row of the same table, set once the whole table is in. */
    private record Pending(long row, String column, long oldTarget) {
    }

    TableRestore(Connection connection, IdBlocks ids, Map<String, Map<Long, Long>> newIds, BackupTable table) {
        this.connection = connection;
        this.ids = ids;
        this.newIds = newIds;
        this.table = table;
        newIds.computeIfAbsent(table.name(), t -> new HashMap<>());
    }

    /** Writes the rows; the project's own row takes {@code projectName}. */
    void insert(List<ObjectNode> rows, String projectName) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, ColumnValues> target = columnsHere();
        List<String> columns = columnsOf(rows, target);
        try (PreparedStatement statement = connection.prepareStatement(BackupQueries.insert(table.name(), columns))) {
            for (int r = 0; r < rows.size(); r++) {
                String where = table.fileName() + ", row " + (r + 1);
                ObjectNode row = renew(rows.get(r).deepCopy(), where);
                if (table.isProject()) {
                    row.put("name", projectName);
                }
                try {
                    for (int c = 0; c < columns.size(); c++) {
                        target.get(columns.get(c)).bind(statement, c + 1, row.get(columns.get(c)));
                    }
                } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
                    throw BackupRefused.invalid(where + " holds a value its column cannot take: " + e.getMessage());
                }
                statement.addBatch();
                if ((r + 1) % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw BackupRefused.invalid("The rows of " + table.fileName() + " could not be written: " + e.getMessage());
        }
        linkWithinTable();
    }

    /** The row with its new id and the new ids of the rows it points to. */
    private ObjectNode renew(ObjectNode row, String where) throws SQLException {
        try {
            if (table.idColumn() != null) {
                JsonNode id = row.get(table.idColumn());
                if (id == null || id.isNull()) {
                    throw BackupRefused.invalid(where + " has no " + table.idColumn() + ".");
                }
                long old = ColumnValues.whole(id);
                long fresh = ids.next(table);
                if (newIds.get(table.name()).put(old, fresh) != null) {
                    throw BackupRefused.invalid(where + " repeats the id " + old + ".");
                }
                row.put(table.idColumn(), fresh);
            }
            for (Map.Entry<String, String> reference : table.references().entrySet()) {
                JsonNode value = row.get(reference.getKey());
                if (value == null || value.isNull()) {
                    continue;
                }
                if (reference.getValue().equals(table.name())) {
                    later.add(new Pending(row.get(table.idColumn()).longValue(), reference.getKey(), ColumnValues.whole(value)));
                    row.putNull(reference.getKey());
                } else {
                    row.put(reference.getKey(), renewed(reference.getValue(), ColumnValues.whole(value), where));
                }
            }
        } catch (IllegalArgumentException e) {
            throw BackupRefused.invalid(where + " holds an id that is not a whole number: " + e.getMessage());
        }
        if (table.name().equals(BackupTables.AUDIT)) {
            renewAuditSubject(row);
        }
        return row;
    }

    /**
     * An audit event's subject takes its new id when it is a restored row; an event about a record
     * no longer in the project (or not of one: an account) keeps the id it was written with.
     */
    private void renewAuditSubject(ObjectNode row) {
        JsonNode kind = row.get(BackupTables.AUDIT_KIND_COLUMN);
        JsonNode id = row.get(BackupTables.AUDIT_ID_COLUMN);
        Map<Long, Long> renewed = kind == null ? null : newIds.get(kind.asText());
        if (renewed != null && id != null && id.isIntegralNumber() && renewed.containsKey(id.longValue())) {
            row.put(BackupTables.AUDIT_ID_COLUMN, renewed.get(id.longValue()));
        }
    }

    private void linkWithinTable() throws SQLException {
        for (Pending pending : later) {
            try (PreparedStatement update = connection.prepareStatement(BackupQueries.setReference(table, pending.column()))) {
                update.setLong(1, renewed(table.name(), pending.oldTarget(), table.fileName()));
                update.setLong(2, pending.row());
                update.executeUpdate();
            }
        }
    }

    private long renewed(String targetTable, long old, String where) {
        Long fresh = newIds.getOrDefault(targetTable, Map.of()).get(old);
        if (fresh == null) {
            throw BackupRefused.invalid(where + " points to " + targetTable + " " + old + ", which is not in the backup.");
        }
        return fresh;
    }

    /** The columns the rows carry, each one this server's table has. */
    private List<String> columnsOf(List<ObjectNode> rows, Map<String, ColumnValues> target) {
        List<String> columns = new ArrayList<>();
        for (ObjectNode row : rows) {
            row.fieldNames().forEachRemaining(column -> {
                if (!columns.contains(column)) {
                    if (!target.containsKey(column)) {
                        throw BackupRefused.unrestorable("unknown_column", "The backup's table " + table.name() + " has the column \""
                                + column + "\", which this server's does not: the backup was made by a newer Gloss.");
                    }
                    columns.add(column);
                }
            });
        }
        return columns;
    }

    /** This server's columns of the table, by lower-case name. */
    private Map<String, ColumnValues> columnsHere() throws SQLException {
        Map<String, ColumnValues> columns = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(BackupQueries.columnsOf(table.name()));
                ResultSet none = select.executeQuery()) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!ColumnValues.isDerived(meta, i)) {
                    ColumnValues column = ColumnValues.of(meta, i);
                    columns.put(column.column(), column);
                }
            }
        }
        return columns;
    }
}
