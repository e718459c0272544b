package io.gloss.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Back up a project with something in every table, restore it, and compare every row of every
 * table, column by column: equal but for the ids, which are new, and the columns holding ids,
 * which point to the new rows.
 */
@QuarkusTest
class BackupRoundTripTest {

    /** Every table the fixture fills: an empty one would compare nothing. */
    static final Set<String> FILLED = Set.of("project", "project_member", "label", "article", "annotation",
            "annotation_transition", "assignment", "dataset", "dataset_file", "dataset_chunk", "import_job", "audit_event",
            "change_counter", "entity", "entity_alias", "suggestion", "suggestion_rejection");

    @Inject
    BackupFixture fixture;

    @Inject
    BackupRows rows;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRestoredProjectEqualsTheBackedUpOne() {
        long source = fixture.richProject();
        Map<String, List<Map<String, Object>>> before = rows.of(source);
        FILLED.forEach(table -> assertFalse(before.get(table).isEmpty(), table + " has rows to compare"));
        assertTrue(before.get("annotation").stream().anyMatch(a -> a.get("merged_into") != null), "a merged annotation");
        assertTrue(before.get("annotation").stream().anyMatch(a -> a.get("deleted_at") != null), "a deleted annotation");
        assertTrue(before.get("annotation_transition").stream()
                .anyMatch(t -> String.valueOf(t.get("comment")).contains("\r\n🙂") || String.valueOf(t.get("comment")).contains("\r\nSee 🙂")),
                "a rejection comment with CRLF and an emoji");
        assertTrue(before.get("article").stream().anyMatch(a -> String.valueOf(a.get("title")).contains("🇺🇦")), "an emoji title");
        String sourceName = (String) before.get("project").get(0).get("name");

        byte[] zip = fixture.backup(source);
        everyColumnIsInTheZip(zip, before);
        JsonPath restored = fixture.as(BackupFixture.ADMIN).contentType("application/zip").body(zip)
                .post("/api/projects/restore").then().statusCode(201).extract().jsonPath();
        long copy = restored.getLong("id");
        assertNotEquals(source, copy);
        assertEquals(sourceName + " (restored)", restored.getString("name"));
        assertEquals(source, restored.getLong("sourceId"));
        assertEquals(3, restored.getInt("articles"));
        assertEquals(before.get("annotation").size(), restored.getInt("annotations"));
        assertEquals(before.get("label").size(), restored.getInt("labels"));

        Map<String, List<Map<String, Object>>> after = rows.of(copy);
        compare(withoutBackupEvents(before), withoutBackupEvents(after), sourceName + " (restored)");

        // The audit trail says what happened: the download on the source, the restore on the copy.
        assertTrue(rows.of(source).get("audit_event").stream().anyMatch(e -> "backup".equals(e.get("action"))
                && Objects.equals(source, e.get("entity_id"))), "backup event on the source");
        Map<String, Object> restoreEvent = after.get("audit_event").stream().filter(e -> "restore".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertEquals(copy, restoreEvent.get("entity_id"));
        assertTrue(String.valueOf(restoreEvent.get("after_json")).contains("\"sourceProjectId\":" + source), restoreEvent.toString());
        assertTrue(String.valueOf(restoreEvent.get("after_json")).contains(sourceName), restoreEvent.toString());

        // The copy works as a project: its articles and spans read through the API, under the new ids.
        long firstArticle = (Long) after.get("article").get(0).get("id");
        JsonPath spans = fixture.as(BackupFixture.ADMIN).get("/api/articles/" + firstArticle + "/annotations").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("Zelensky", "Kyiv", "Monday"), spans.getList("items.quote"));
        // Kyiv links to the restored entity (its new id), with its attributes.
        assertEquals(after.get("entity").get(0).get("id"), spans.getLong("items[1].entityId"));
        assertEquals("Kyiv", spans.getString("items[1].entity.name"));
        assertEquals(1.5f, spans.getFloat("items[1].attributes.figure"));
    }

    @Test
    void aSecondRestoreOfTheSameZipIsAnotherProject() {
        long source = fixture.smallProject();
        byte[] zip = fixture.backup(source);
        String name = (String) rows.of(source).get("project").get(0).get("name");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            names.add(fixture.as(BackupFixture.ADMIN).contentType("application/zip").body(zip).post("/api/projects/restore")
                    .then().statusCode(201).extract().jsonPath().getString("name"));
        }
        assertEquals(List.of(name + " (restored)", name + " (restored 2)"), names);
    }

    /** Each file holds every row with every column the table has (select *), and the manifest counts them. */
    private void everyColumnIsInTheZip(byte[] zip, Map<String, List<Map<String, Object>>> before) {
        Map<String, byte[]> files = BackupFixture.unzip(zip);
        JsonPath manifest = new JsonPath(new String(files.get(BackupManifest.FILE_NAME), StandardCharsets.UTF_8));
        assertEquals(BackupManifest.FORMAT, manifest.getString("format"));
        assertEquals(BackupManifest.FORMAT_VERSION, manifest.getInt("formatVersion"));
        assertFalse(manifest.getString("glossVersion").isBlank());
        for (BackupTable table : BackupTables.ALL) {
            String[] lines = new String(files.get(table.fileName()), StandardCharsets.UTF_8).lines().toArray(String[]::new);
            assertEquals(before.get(table.name()).size(), lines.length, table.fileName());
            assertEquals(lines.length, manifest.getInt("tables." + table.name() + ".rows"), table.name() + " in the manifest");
            assertEquals(BackupFixture.sha256(files.get(table.fileName())), manifest.getString("tables." + table.name() + ".sha256"));
            if (lines.length > 0) {
                assertEquals(before.get(table.name()).get(0).keySet(), new JsonPath(lines[0]).getMap("$").keySet(),
                        table.fileName() + " has every column of the table");
            }
        }
    }

    /** A later migration's column (as V20's retired_at will be): in the zip and back, with no code naming it. */
    @Test
    void aColumnAddedByALaterMigrationComesBackWithoutCode() throws SQLException {
        long source = fixture.smallProject();
        execute("alter table label add column backup_probe varchar(40)");
        try {
            execute("update label set backup_probe = 'probe ' || label_key where project_id = " + source);
            byte[] zip = fixture.backup(source);
            long copy = fixture.as(BackupFixture.ADMIN).contentType("application/zip").body(zip).post("/api/projects/restore")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            List<Object> probes = rows.of(copy).get("label").stream().map(l -> l.get("backup_probe")).toList();
            assertEquals(List.of("probe CLAIM", "probe ACTOR", "probe LOCATION"), probes);
        } finally {
            execute("alter table label drop column backup_probe");
        }
    }

    /**
     * Runs DDL, then replaces the pool's connections: PostgreSQL's prepared "select *" plans of the
     * old ones no longer fit the table (at a real migration, Gloss starts with new connections).
     */
    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }

    private static Map<String, List<Map<String, Object>>> withoutBackupEvents(Map<String, List<Map<String, Object>>> tables) {
        Map<String, List<Map<String, Object>>> kept = new HashMap<>(tables);
        kept.put("audit_event", tables.get("audit_event").stream()
                .filter(e -> !Set.of("backup", "restore").contains(e.get("action"))).toList());
        return kept;
    }

    /** Row i of each table against row i of its copy (both in key order; new ids are handed out in that order). */
    private static void compare(Map<String, List<Map<String, Object>>> before, Map<String, List<Map<String, Object>>> after,
            String restoredName) {
        Map<String, Map<Object, Object>> newIds = new HashMap<>();
        for (BackupTable table : BackupTables.ALL) {
            List<Map<String, Object>> old = before.get(table.name());
            List<Map<String, Object>> copy = after.get(table.name());
            assertEquals(old.size(), copy.size(), table.name() + ": rows");
            if (table.idColumn() != null) {
                Map<Object, Object> ids = newIds.computeIfAbsent(table.name(), t -> new HashMap<>());
                for (int i = 0; i < old.size(); i++) {
                    Object was = old.get(i).get(table.idColumn());
                    Object now = copy.get(i).get(table.idColumn());
                    assertNotEquals(was, now, table.name() + " keeps no old id");
                    assertNull(ids.put(was, now), table.name() + ": each old id once");
                }
                assertEquals(ids.size(), new HashSet<>(ids.values()).size(), table.name() + ": each new id once");
            }
        }
        int compared = 0;
        for (BackupTable table : BackupTables.ALL) {
            List<Map<String, Object>> old = before.get(table.name());
            List<Map<String, Object>> copy = after.get(table.name());
            for (int i = 0; i < old.size(); i++) {
                Map<String, Object> was = old.get(i);
                Map<String, Object> now = copy.get(i);
                Set<String> columns = new LinkedHashSet<>(was.keySet());
                columns.addAll(now.keySet());
                for (String column : columns) {
                    Object expected = was.get(column);
                    String refTable = column.equals(table.idColumn()) ? table.name() : table.references().get(column);
                    if (refTable == null && table.name().equals(BackupTables.AUDIT) && column.equals(BackupTables.AUDIT_ID_COLUMN)
                            && newIds.getOrDefault(String.valueOf(was.get(BackupTables.AUDIT_KIND_COLUMN)), Map.of()).containsKey(expected)) {
                        refTable = String.valueOf(was.get(BackupTables.AUDIT_KIND_COLUMN));
                    }
                    if (refTable != null && expected != null) {
                        expected = newIds.get(refTable).get(expected);
                        assertNotNull(expected, table.name() + "." + column + " points into the backup");
                    }
                    if (table.isProject() && column.equals("name")) {
                        expected = restoredName;
                    }
                    assertEquals(expected, now.get(column), table.name() + " row " + (i + 1) + ", column " + column);
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, "compared " + compared + " values");
    }
}
