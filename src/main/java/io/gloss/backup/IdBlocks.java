package io.gloss.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * New ids for restored rows, from the tables' own sequences, as Hibernate takes them: a sequence
 * value v stands for the ids v to v+49 (V1: increment 50; Quarkus' default id optimizer,
 * {@code quarkus.hibernate-orm.mapping.id.optimizer.default=pooled-lo}), so restored rows and rows that
 * Hibernate creates meanwhile never take the same id.
 */
final class IdBlocks {

    static final int SEQUENCE_INCREMENT = 50;

    private final Connection connection;
    private final boolean h2;
    private final Map<String, long[]> blocks = new HashMap<>();

    IdBlocks(Connection connection, boolean h2) {
        this.connection = connection;
        this.h2 = h2;
    }

    long next(BackupTable table) throws SQLException {
        long[] block = blocks.get(table.name());
        if (block == null || block[0] > block[1]) {
            long value = sequenceValue(table);
            block = new long[] {value, value + SEQUENCE_INCREMENT - 1};
            blocks.put(table.name(), block);
        }
        return block[0]++;
    }

    private long sequenceValue(BackupTable table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet value = statement.executeQuery(BackupQueries.nextId(table, h2))) {
            value.next();
            return value.getLong(1);
        }
    }
}
