package io.gloss.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A project's rows straight from the database, table by table, as comparable Java values. */
@ApplicationScoped
public class BackupRows {

    @Inject
    AgroalDataSource dataSource;

    Map<String, List<Map<String, Object>>> of(long projectId) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (BackupTable table : BackupTables.ALL) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(BackupQueries.rowsOf(table))) {
                    select.setLong(1, projectId);
                    try (ResultSet row = select.executeQuery()) {
                        ResultSetMetaData meta = row.getMetaData();
                        while (row.next()) {
                            Map<String, Object> values = new LinkedHashMap<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                if (ColumnValues.isDerived(meta, i)) {
                                    continue; // made by the database: not in a backup (PostgreSQL's search vectors)
                                }
                                values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), comparable(row.getObject(i)));
                            }
                            rows.add(values);
                        }
                    }
                }
                tables.put(table.name(), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static Object comparable(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
