package io.gloss.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.gloss.db.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link BackupTables} against the schema the migrations made: every table has a backup decision
 * (a new table without one fails here), every foreign key of a backed-up table is rewritten on
 * restore, and every column that could hold a username is checked on restore or said not to be one.
 */
@QuarkusTest
class BackupTablesTest {

    /** Columns named like usernames that are not: a news article's byline, the instance building a dataset, running an import or training a model. */
    static final Set<String> NOT_USERNAMES = Set.of("article.author", "dataset.claimed_by", "import_job.claimed_by",
            "recommender_model.claimed_by");

    /** Tables of db/h2's own migrations: PostgreSQL has none of them. */
    static final Set<String> H2_ONLY = Set.of("search_queue", "search_index_state");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Database database;

    @Test
    void everyTableOfTheSchemaHasABackupDecision() throws SQLException {
        Set<String> inSchema = columns().keySet();
        Set<String> decided = new TreeSet<>(BackupTables.NOT_PROJECT_DATA.keySet());
        BackupTables.ALL.forEach(t -> assertTrue(decided.add(t.name()), t.name() + " is decided once"));
        if (database.isPostgres()) {
            decided.removeAll(H2_ONLY);
        }
        assertEquals(new TreeSet<>(inSchema), decided, "tables of the schema against BackupTables.ALL + NOT_PROJECT_DATA");
    }

    @Test
    void everyForeignKeyOfABackedUpTableIsRewrittenOnRestore() throws SQLException {
        Map<String, Map<String, String>> keys = foreignKeys();
        assertTrue(keys.get("annotation").containsKey("merged_into"), "foreign keys were read: " + keys);
        for (BackupTable table : BackupTables.ALL) {
            keys.getOrDefault(table.name(), Map.of()).forEach((column, target) -> assertEquals(target, table.references().get(column),
                    table.name() + "." + column + " points to " + target + ": BackupTable.references must rewrite it"));
        }
        // Outside the backup, nothing points into it: restoring could not leave such a row dangling.
        for (String other : BackupTables.NOT_PROJECT_DATA.keySet()) {
            keys.getOrDefault(other, Map.of()).values().forEach(target -> assertTrue(BackupTables.named(target).isEmpty(),
                    other + " points to " + target));
        }
    }

    @Test
    void everyDeclaredColumnExistsAndEveryUsernameColumnIsChecked() throws SQLException {
        Map<String, Set<String>> columns = columns();
        for (BackupTable table : BackupTables.ALL) {
            Set<String> mine = columns.get(table.name());
            List<String> declared = new ArrayList<>(table.references().keySet());
            declared.addAll(table.order());
            declared.add(table.ownerColumn());
            if (table.idColumn() != null) {
                declared.add(table.idColumn());
            }
            declared.forEach(column -> assertTrue(mine.contains(column), table.name() + "." + column + " exists"));
            for (String column : mine) {
                boolean looksLikeUsername = Set.of("username", "actor", "author", "reviewer").contains(column) || column.endsWith("_by");
                String qualified = table.name() + "." + column;
                if (looksLikeUsername && !NOT_USERNAMES.contains(qualified)) {
                    assertTrue(table.usernames().contains(column), qualified + " holds usernames: declare it in BackupTables");
                }
            }
        }
        assertTrue(BackupTables.named("annotation").orElseThrow().usernames().contains("author"));
    }

    /** Table name → its columns, lower case, from INFORMATION_SCHEMA (the connection's schema). */
    private Map<String, Set<String>> columns() throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select c.table_name, c.column_name from information_schema.columns c "
                        + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                        + "where lower(c.table_schema) = lower(?) and t.table_type in ('BASE TABLE', 'TABLE')")) {
            select.setString(1, connection.getSchema());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tables.computeIfAbsent(row.getString(1).toLowerCase(Locale.ROOT), t -> new TreeSet<>())
                            .add(row.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertTrue(tables.containsKey("annotation") && tables.size() > 10, "tables were read: " + tables.keySet());
        return tables;
    }

    /** Table → (column → table it points to), from the database's own foreign keys. */
    private Map<String, Map<String, String>> foreignKeys() throws SQLException {
        Map<String, Map<String, String>> keys = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : columns().keySet()) {
                String named = connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet key = connection.getMetaData().getImportedKeys(null, connection.getSchema(), named)) {
                    while (key.next()) {
                        keys.computeIfAbsent(table, t -> new HashMap<>()).put(key.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                                key.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return keys.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
