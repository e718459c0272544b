package io.gloss.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gloss.audit.AuditService;
import io.gloss.auth.OidcSwitch;
import io.gloss.auth.UserAccount;
import io.gloss.db.Database;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Restores a backup as a NEW project, in one transaction: a refusal, whenever it comes, leaves
 * nothing written. Every row takes a new id from its table's sequence, and every column that
 * holds a backed-up row's id ({@link BackupTable#references()}, and an audit event's
 * {@code entity_id} when its {@code entity} is a backed-up table) is rewritten to the new id.
 * Ids inside the audit events' before/after JSON are left as they were written: they are the
 * record of what happened then, under the ids of then. Usernames are kept; people are not
 * restored, so each must have an account here (unless Keycloak logins are on: Keycloak's users
 * need no local account, and Gloss cannot ask Keycloak who exists).
 */
@ApplicationScoped
public class RestoreService {

    static final String RESTORED_MARK = " (restored)";

    @Inject
    BackupReader reader;

    @Inject
    Database database;

    @Inject
    AuditService audit;

    @Inject
    OidcSwitch oidc;

    @Inject
    EntityManager em;

    @Transactional
    public RestoredProject restore(byte[] zip) {
        BackupContent content = reader.read(zip);
        if (!oidc.isOn()) {
            requireAccounts(content);
        }
        String sourceName = content.project().path("name").asText();
        long sourceId = content.project().path("id").asLong();
        String name = freeName(sourceName);
        Map<String, Map<Long, Long>> newIds = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            IdBlocks ids = new IdBlocks(connection, database.isH2());
            for (BackupTable table : BackupTables.ALL) {
                counts.put(table.name(), insert(connection, ids, table, content.rowsOf(table), newIds, name));
            }
        });
        long projectId = newIds.get(BackupTables.PROJECT).get(sourceId);
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("sourceProjectId", sourceId);
        from.put("sourceProjectName", sourceName);
        from.put("glossVersion", content.manifest().glossVersion());
        from.put("backedUpAt", content.manifest().createdAt());
        from.put("rows", counts);
        audit.record(projectId, "project", projectId, "restore", null, from);
        return new RestoredProject(projectId, name, sourceId, sourceName, counts.get("label"), counts.get("article"),
                counts.get("annotation"), counts);
    }

    /** The backed-up name when it is free here, else with " (restored)", then " (restored 2)", … */
    static String freeName(String name) {
        if (!Project.nameTaken(name)) {
            return name;
        }
        for (int n = 1; ; n++) {
            String mark = n == 1 ? RESTORED_MARK : " (restored " + n + ")";
            String base = name.length() + mark.length() > ProjectService.MAX_NAME_CHARS
                    ? name.substring(0, ProjectService.MAX_NAME_CHARS - mark.length()) : name;
            if (!Project.nameTaken(base + mark)) {
                return base + mark;
            }
        }
    }

    private static void requireAccounts(BackupContent content) {
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (BackupTable table : BackupTables.ALL) {
            for (ObjectNode row : content.rowsOf(table)) {
                for (String column : table.usernames()) {
                    JsonNode value = row.get(column);
                    if (value != null && value.isTextual() && seen.add(value.textValue())) {
                        String username = value.textValue();
                        if (!username.equals(BackupTables.SYSTEM_ACTOR) && UserAccount.findByUsername(username).isEmpty()) {
                            missing.add(username);
                        }
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw BackupRefused.unrestorable("unknown_users", "The backup names " + (missing.size() == 1 ? "a person" : "people")
                    + " with no account on this server: " + String.join(", ", missing) + ". Create "
                    + (missing.size() == 1 ? "the account" : "their accounts") + " (Users page), then restore again.");
        }
    }

    /** Inserts one table's rows with new ids and rewritten references; the number of rows. */
    private static int insert(Connection connection, IdBlocks ids, BackupTable table, List<ObjectNode> rows,
            Map<String, Map<Long, Long>> newIds, String projectName) throws SQLException {
        Map<Long, Long> mine = newIds.computeIfAbsent(table.name(), t -> new HashMap<>());
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, ColumnValues> target = columnsOf(connection, table.name());
        List<String> columns = new ArrayList<>();
        for (ObjectNode row : rows) {
            row.fieldNames().forEachRemaining(column -> {
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            });
        }
        for (String column : columns) {
            if (!target.containsKey(column)) {
                throw BackupRefused.unrestorable("unknown_column", "The backup's table " + table.name() + " has the column \""
                        + column + "\", which this server's does not: the backup was made by a newer Gloss.");
            }
        }
        List<Pending> later = new ArrayList<>();
        List<String> selfReferences = table.references().entrySet().stream()
                .filter(r -> r.getValue().equals(table.name())).map(Map.Entry::getKey).toList();
        try (PreparedStatement statement = connection.prepareStatement(BackupQueries.insert(table.name(), columns))) {
            for (int r = 0; r < rows.size(); r++) {
                ObjectNode row = rows.get(r).deepCopy();
                String where = table.fileName() + ", row " + (r + 1);
                try {
                    if (table.idColumn() != null) {
                        long old = ColumnValues.whole(require(row, table.idColumn(), where));
                        long fresh = ids.next(table);
                        if (mine.put(old, fresh) != null) {
                            throw BackupRefused.invalid(where + " repeats the id " + old + ".");
                        }
                        row.put(table.idColumn(), fresh);
                    }
                    if (table.isProject()) {
                        row.put("name", projectName);
                    }
                    for (Map.Entry<String, String> reference : table.references().entrySet()) {
                        JsonNode value = row.get(reference.getKey());
                        if (value == null || value.isNull()) {
                            continue;
                        }
                        if (selfReferences.contains(reference.getKey())) {
                            later.add(new Pending(row.get(table.idColumn()).longValue(), reference.getKey(), ColumnValues.whole(value)));
                            row.putNull(reference.getKey());
                        } else {
                            row.put(reference.getKey(), renewed(newIds, reference.getValue(), ColumnValues.whole(value), where));
                        }
                    }
                    if (table.name().equals(BackupTables.AUDIT)) {
                        renewAuditSubject(row, newIds);
                    }
                    for (int c = 0; c < columns.size(); c++) {
                        target.get(columns.get(c)).bind(statement, c + 1, row.get(columns.get(c)));
                    }
                } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
                    throw BackupRefused.invalid(where + " holds a value its column cannot take: " + e.getMessage());
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw BackupRefused.invalid("The rows of " + table.fileName() + " could not be written: " + e.getMessage());
        }
        for (Pending pending : later) {
            try (PreparedStatement update = connection.prepareStatement(BackupQueries.setReference(table, pending.column()))) {
                update.setLong(1, renewed(newIds, table.name(), pending.oldTarget(), table.fileName()));
                update.setLong(2, pending.row());
                update.executeUpdate();
            }
        }
        return rows.size();
    }

    /** A reference to a row of the same table, set once the whole table is in (its target may come later). */
    private record Pending(long row, String column, long oldTarget) {
    }

    /** An audit event's subject takes its new id when it is a restored row; one no longer in the project keeps its old id. */
    private static void renewAuditSubject(ObjectNode row, Map<String, Map<Long, Long>> newIds) {
        JsonNode kind = row.get(BackupTables.AUDIT_KIND_COLUMN);
        JsonNode id = row.get(BackupTables.AUDIT_ID_COLUMN);
        Map<Long, Long> renewed = kind == null ? null : newIds.get(kind.asText());
        if (renewed != null && id != null && id.isIntegralNumber() && renewed.containsKey(id.longValue())) {
            row.put(BackupTables.AUDIT_ID_COLUMN, renewed.get(id.longValue()));
        }
    }

    private static long renewed(Map<String, Map<Long, Long>> newIds, String table, long old, String where) {
        Long fresh = newIds.getOrDefault(table, Map.of()).get(old);
        if (fresh == null) {
            throw BackupRefused.invalid(where + " points to " + table + " " + old + ", which is not in the backup.");
        }
        return fresh;
    }

    private static JsonNode require(ObjectNode row, String column, String where) {
        JsonNode value = row.get(column);
        if (value == null || value.isNull()) {
            throw BackupRefused.invalid(where + " has no " + column + ".");
        }
        return value;
    }

    private static Map<String, ColumnValues> columnsOf(Connection connection, String table) throws SQLException {
        Map<String, ColumnValues> columns = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(BackupQueries.columnsOf(table));
                ResultSet none = select.executeQuery()) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                ColumnValues column = ColumnValues.of(meta, i);
                columns.put(column.column(), column);
            }
        }
        return columns;
    }
}
