package io.gloss.backup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad zip is refused with a sentence that says what is wrong, and nothing is written. */
@QuarkusTest
class BackupRefusalsTest {

    /** Tables a restore writes first and last: a refusal late in a restore must leave them as they were. */
    static final List<String> WATCHED = List.of("project", "project_member", "label", "article", "annotation",
            "annotation_transition", "change_counter");

    @Inject
    BackupFixture fixture;

    @Inject
    AgroalDataSource dataSource;

    byte[] zip;

    @BeforeEach
    void backup() {
        zip = fixture.backup(fixture.smallProject());
    }

    @Test
    void notAZip() {
        refused("This is a text file.".getBytes(StandardCharsets.UTF_8), 400, "invalid_backup", "not a zip");
        refused(new byte[0], 400, "invalid_backup", "not a zip");
    }

    @Test
    void noManifest() {
        Map<String, byte[]> files = BackupFixture.unzip(zip);
        files.remove(BackupManifest.FILE_NAME);
        refused(BackupFixture.zip(files), 400, "invalid_backup", "no manifest.json");
    }

    @Test
    void anotherFormatVersion() {
        Map<String, byte[]> files = BackupFixture.unzip(zip);
        fixture.manifest(files, manifest -> manifest.put("formatVersion", 99));
        refused(BackupFixture.zip(files), 422, "unsupported_version", "format version 99");
    }

    @Test
    void anEditedFile() {
        byte[] edited = fixture.altered(zip, "article", lines -> lines.stream().map(l -> l.replace("Small two", "Edited")).toList(), false);
        refused(edited, 400, "invalid_backup", "article.jsonl is not the file that was backed up");
    }

    @Test
    void aTableThisGlossDoesNotKnow() {
        Map<String, byte[]> files = BackupFixture.unzip(zip);
        byte[] secret = "{\"id\": 1}\n".getBytes(StandardCharsets.UTF_8);
        files.put("secret.jsonl", secret);
        fixture.manifest(files, manifest -> manifest.with("tables").putObject("secret")
                .put("file", "secret.jsonl").put("rows", 1).put("sha256", BackupFixture.sha256(secret)));
        refused(BackupFixture.zip(files), 422, "unknown_table", "\"secret\"");
    }

    @Test
    void aColumnThisGlossDoesNotKnow() {
        byte[] newer = fixture.altered(zip, "label", lines -> lines.stream().map(l -> l.replaceFirst("\\{", "{\"glow\":true,")).toList(), true);
        refused(newer, 422, "unknown_column", "\"glow\"");
    }

    @Test
    void aPersonWithoutAnAccountHere() {
        byte[] ghost = fixture.altered(zip, "annotation",
                lines -> lines.stream().map(l -> l.replace("\"" + BackupFixture.EDITOR + "\"", "\"ghost-editor\"")).toList(), true);
        refused(ghost, 422, "unknown_users", "ghost-editor");
    }

    /** The articles are gone but their annotation is not: found while writing, after the project and labels are in. */
    @Test
    void aRowPointingOutsideTheBackupUndoesEverything() {
        byte[] broken = fixture.altered(zip, "article", lines -> List.of(), true);
        refused(broken, 400, "invalid_backup", "which is not in the backup");
    }

    @Test
    void aValueThatDoesNotFitItsColumn() {
        byte[] broken = fixture.altered(zip, "label", lines -> lines.stream()
                .map(l -> l.replaceFirst("\"sort_order\":\\d+", "\"sort_order\":\"first\"")).toList(), true);
        refused(broken, 400, "invalid_backup", "label.jsonl, row 1");
    }

    private void refused(byte[] body, int status, String error, String says) {
        Map<String, Long> before = counts();
        fixture.as(BackupFixture.ADMIN).contentType("application/zip").body(body).post("/api/projects/restore").then()
                .statusCode(status).body("error", equalTo(error))
                .body("message", containsString(says)).body("message", containsString("Nothing was restored."));
        assertEquals(before, counts(), "nothing was written");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : WATCHED) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
