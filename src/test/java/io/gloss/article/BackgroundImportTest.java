package io.gloss.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.project.ProjectPagesTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON Lines imports in batches, each in a transaction of its own, and large files in the
 * background (202, a job to poll, a page with a progress bar), their files in the database; jobs
 * survive a restart, and files an older version kept on disk are taken in at start.
 */
@QuarkusTest
public class BackgroundImportTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    ImportConfig config;

    @Inject
    ImportJobRunner runner;

    long projectId;

    @BeforeEach
    void fixture() {
        accounts.ensure("bg-admin", "admin");
        accounts.ensure("bg-editor", "editor");
        projectId = data.project("bg-editor");
    }

    /** {@code count} lines of short articles, unique to this test's project; line numbers from 1. */
    public static StringBuilder lines(int count, String tag) {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            file.append("{\"title\":\"Report ").append(i).append("\",\"source\":\"Desk\",\"text\":\"Report ").append(i)
                    .append(" of ").append(tag).append(": Zelensky spoke in Kyiv.\"}\n");
        }
        return file;
    }

    static String replaceLine(StringBuilder file, int line, String with) {
        List<String> all = new java.util.ArrayList<>(List.of(file.toString().split("\n", -1)));
        all.set(line - 1, with);
        return String.join("\n", all);
    }

    long articles() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("project.id", projectId));
    }

    JsonPath awaitEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath job = accounts.as("bg-admin").get(location).then().statusCode(200).extract().jsonPath();
            if (job.getString("state").equals("DONE") || job.getString("state").equals("FAILED")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The import did not end within 3 minutes: " + location);
    }

    /** Fails on the code before batches: it answered 200 (or 500 past the transaction limit), never 202. */
    @Test
    void aLargeFileImportsInTheBackgroundInBatchesWithItsErrorsAndDuplicates() throws Exception {
        data.article(projectId, "Already here", "Report 7 of large: Zelensky spoke in Kyiv.");
        StringBuilder file = lines(5_000, "large");
        String body = replaceLine(file, 3, "not json");
        body = replaceLine(new StringBuilder(body), 1_600, "{\"title\":\"No text\"}");
        // Line 4,000 repeats line 10, in another batch (batches of 500).
        body = replaceLine(new StringBuilder(body), 4_000, "{\"title\":\"Again\",\"text\":\"Report 10 of large: Zelensky spoke in Kyiv.\"}");
        Response accepted = accounts.as("bg-admin").contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/articles/import");
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String location = accepted.header("Location");
        assertTrue(location.matches(".*/api/imports/\\d+"), location);
        accepted.then().body("projectId", equalTo((int) projectId)).body("linesTotal", equalTo(5_000))
                .body("state", equalTo("QUEUED")).body("progress", equalTo(0.0f));
        long id = accepted.jsonPath().getLong("id");
        assertFalse(Files.exists(config.dir().resolve(id + ".jsonl")), "the file is stored in the database, not on disk");

        JsonPath done = awaitEnd(location);
        assertEquals("DONE", done.getString("state"), done.prettify());
        assertEquals(1.0, done.getDouble("progress"));
        assertEquals(5_000, done.getInt("linesRead"));
        assertEquals(4_996, done.getInt("imported"));
        assertEquals(2, done.getInt("duplicates"), "line 7 is in the project already, line 4,000 repeats line 10");
        assertEquals(2, done.getInt("errorCount"));
        assertEquals(List.of(3, 1_600), done.getList("errors.line"));
        assertTrue(done.getString("errors[1].message").contains("no text"), done.getString("errors[1].message"));
        assertEquals(4_997, articles());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> ImportJob.hasFile(id)), "the file is removed once the job ends");

        // Admins only; another project's admin is every admin, an editor is refused.
        accounts.as("bg-editor").get(location).then().statusCode(403).body("error", equalTo("forbidden"));
        accounts.as("bg-admin").get("/api/imports/987654321").then().statusCode(404).body("error", equalTo("not_found"));
    }

    /** Several batches within the request: the answer is the report api.md describes, duplicates found across batches. */
    @Test
    void aSmallerFileStillAnswers200AcrossSeveralBatches() {
        StringBuilder file = lines(1_200, "sync");
        String body = replaceLine(file, 1_100, "{\"title\":\"Again\",\"text\":\"Report 2 of sync: Zelensky spoke in Kyiv.\"}");
        accounts.as("bg-admin").contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/articles/import").then().statusCode(200)
                .body("imported", equalTo(1_199)).body("duplicates", equalTo(1)).body("errors", hasSize(0))
                .body("$", not(org.hamcrest.Matchers.hasKey("state")));
        assertEquals(1_199, articles());
    }

    /** A job row as a run of an older version (no claim) left it; lines 1 to {@code linesRead} committed. */
    long job(ImportState state, int linesRead, String file) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.projectId = projectId;
            job.fileName = "cut.jsonl";
            job.bytes = file.length();
            job.state = state;
            job.linesTotal = 6;
            job.linesRead = linesRead;
            job.imported = linesRead;
            job.createdBy = "bg-admin";
            job.createdAt = Instant.now();
            job.startedAt = linesRead > 0 ? Instant.now() : null;
            job.persist();
            return job.id;
        });
    }

    /** A job the server stopped in (RUNNING, without a lease: an older version's) goes on after its last committed line. */
    @Test
    void aRestartResumesARunningJobAfterItsLastCommittedLine() throws Exception {
        String file = lines(6, "resumed").toString();
        long jobId = job(ImportState.RUNNING, 4, file); // lines 1-4 were committed before the stop
        QuarkusTransaction.requiringNew().run(() -> ImportJob.storeFile(jobId, file.getBytes(StandardCharsets.UTF_8)));
        runner.scan();
        JsonPath done = awaitEnd("/api/imports/" + jobId);
        assertEquals("DONE", done.getString("state"));
        assertEquals(6, done.getInt("imported"));
        assertEquals(6, done.getInt("linesRead"));
        assertTrue(done.getString("message").contains("restarted") && done.getString("message").contains("after line 4"),
                done.getString("message"));
        assertEquals(2, articles(), "only lines 5 and 6 were left to import");
    }

    /** Fails on the code before V13: the file waited on the disk of the instance that received it. */
    @Test
    void aFileAnOlderVersionKeptOnDiskIsTakenIntoTheDatabaseAtStart() throws Exception {
        String file = lines(6, "legacy").toString();
        long jobId = job(ImportState.QUEUED, 0, file);
        long ended = job(ImportState.DONE, 0, file);
        Path kept = config.dir().resolve(jobId + ".jsonl");
        Path stale = config.dir().resolve(ended + ".jsonl");
        Files.createDirectories(config.dir());
        Files.writeString(kept, file);
        Files.writeString(stale, file);
        runner.adoptLegacyFiles();
        assertFalse(Files.exists(kept), "taken in, then removed");
        assertFalse(Files.exists(stale), "an ended job's file is only removed");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> ImportJob.hasFile(ended)));
        assertEquals(file, new String(QuarkusTransaction.requiringNew().call(() -> ImportJob.file(jobId)), StandardCharsets.UTF_8));
        runner.scan();
        JsonPath done = awaitEnd("/api/imports/" + jobId);
        assertEquals("DONE", done.getString("state"));
        assertEquals(6, articles());

        // Queued by an older instance after this one started (an upgrade): the run looks on disk.
        String lateFile = lines(6, "late").toString();
        long late = job(ImportState.QUEUED, 0, lateFile);
        Files.writeString(config.dir().resolve(late + ".jsonl"), lateFile);
        runner.scan();
        assertEquals("DONE", awaitEnd("/api/imports/" + late).getString("state"));
        assertEquals(12, articles());
        assertFalse(Files.exists(config.dir().resolve(late + ".jsonl")));
    }

    /** The upload form sends a large file to its job's page, which polls with a module script, never inline code. */
    @Test
    void theImportPageShowsABackgroundImportsProgressAndCanBeOpenedAgain() throws Exception {
        String admin = TestAccounts.session("bg-admin");
        String token = ProjectPagesTest.csrf(given().cookie("gloss-session", admin).get("/projects/" + projectId).asString());
        Response upload = given().cookie("gloss-session", admin).redirects().follow(false)
                .multiPart("_csrf", token)
                .multiPart("files", "wire.jsonl", lines(2_500, "page").toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .post("/projects/" + projectId + "/import/files");
        assertEquals(303, upload.statusCode(), upload.asString());
        String page = upload.header("Location");
        assertTrue(page.matches(".*/imports/\\d+"), page);
        String html = given().cookie("gloss-session", admin).get(page).then().statusCode(200)
                .body(containsString("Import of wire.jsonl")).body(containsString("<progress id=\"import-progress\""))
                .body(containsString("of 2500")).extract().asString();
        if (html.contains("QUEUED") || html.contains("RUNNING")) {
            assertTrue(html.contains("<script type=\"module\" src=\"/js/importProgress.js\"></script>"), html);
        }
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline script: " + html);
        awaitEnd("/api" + page.substring(page.indexOf("/imports/")));
        given().cookie("gloss-session", admin).get(page).then().statusCode(200).body(containsString("DONE"))
                .body(containsString("2500 imported")).body(not(containsString("importProgress.js")));
        // The project page lists it, to come back to.
        given().cookie("gloss-session", admin).get("/projects/" + projectId).then().statusCode(200)
                .body(containsString("Recent imports")).body(containsString("href=\"" + page.substring(page.indexOf("/imports/")) + "\""));
        given().get("/js/importProgress.js").then().statusCode(200);
    }
}
