package io.gloss.backup;

import java.util.Collections;
import java.util.List;

/**
 * The SQL of backups and restores. Table and column names come from {@link BackupTables} or from
 * the database's own metadata, never from a backup file unchecked: a restore matches every name
 * it reads against them first.
 */
final class BackupQueries {

    private BackupQueries() {
    }

    /** Every column of the table's rows that belong to the project ({@code ?} = its id), in key order. */
    static String rowsOf(BackupTable table) {
        return "select * from " + table.name() + " where " + belongsTo(table) + " order by " + String.join(", ", table.order());
    }

    /** The table's columns, from a query that reads no row. */
    static String columnsOf(String table) {
        return "select * from " + table + " where 1 = 0";
    }

    private static String belongsTo(BackupTable table) {
        if (table.isProject() || table.ownedByProject()) {
            return table.ownerColumn() + " = ?";
        }
        BackupTable owner = BackupTables.named(table.ownerTable()).orElseThrow();
        return table.ownerColumn() + " in (select " + owner.idColumn() + " from " + owner.name() + " where " + belongsTo(owner) + ")";
    }

    static String insert(String table, List<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** Points a row at another of its table, once both are in (an annotation merged into another). */
    static String setReference(BackupTable table, String column) {
        return "update " + table.name() + " set " + column + " = ? where " + table.idColumn() + " = ?";
    }

    /** The table's next sequence value (V1: sequences {@code <table>_SEQ}, increment 50). */
    static String nextId(BackupTable table, boolean h2) {
        String sequence = table.name() + "_SEQ";
        return h2 ? "select next value for " + sequence : "select nextval('" + sequence + "')";
    }
}
