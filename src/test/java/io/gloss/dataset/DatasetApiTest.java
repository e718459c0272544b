package io.gloss.dataset;

import static io.gloss.dataset.ExportFixture.built;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.audit.AuditEvent;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The datasets API and pages: validation, roles, membership, audit, downloads, failures. */
@QuarkusTest
class DatasetApiTest {

    @Inject
    ExportFixture fx;

    @Inject
    TestAccounts accounts;

    @Inject
    DatasetBuilder builder;

    @Inject
    ExportReader reader;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("api-reviewer", "api-editor");
        articleId = fx.article(projectId, "One", "Zelensky spoke in Kyiv.");
        fx.insert(projectId, articleId, "ACTOR", 0, 8, "Zelensky", "APPROVED", "api-editor", "someone", null);
    }

    Map<String, Object> definition() {
        Map<String, Object> d = new HashMap<>();
        d.put("projectId", projectId);
        d.put("name", "API");
        d.put("format", "jsonl");
        return d;
    }

    io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/datasets").then();
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void acceptedThenDoneWithFilesAndManifest() {
        long id = post(definition()).statusCode(202).header("Location", containsString("/api/datasets/"))
                .body("state", equalTo("QUEUED")).extract().jsonPath().getLong("id");
        JsonPath done = ExportFixture.await(id);
        assertEquals("DONE", done.getString("state"));
        assertEquals(1.0, done.getDouble("progress"));
        assertEquals(1, done.getInt("articlesDone"));
        assertEquals(List.of("README.md", "dataset.jsonl", "manifest.json", "train.jsonl"), done.getList("files.name"),
                "the Hugging Face card and a file for the one split beside the format's file");
        assertEquals(1, done.getInt("manifest.counts.spans"));
        assertEquals(List.of((int) articleId), done.getList("manifest.splits.train"));
        assertEquals("jsonl", done.getString("definition.format"));
        assertEquals(List.of("APPROVED"), done.getList("definition.statuses"));
        given().get("/api/datasets/" + id + "/files/dataset.jsonl").then().statusCode(200)
                .contentType(containsString("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"gloss-dataset-" + id + "-dataset.jsonl\"")
                .body(containsString("\"text\":\"Zelensky spoke in Kyiv.\""));
        given().get("/api/datasets/" + id + "/files/manifest.json").then().statusCode(200).contentType(containsString("application/json"));
        given().get("/api/datasets/" + id + "/files/README.md").then().statusCode(200).contentType(containsString("text/markdown"));
        given().get("/api/datasets/" + id + "/files/..%2F..%2Fgloss.mv.db").then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/api/datasets/" + id + "/files/other.csv").then().statusCode(404);
        given().get("/api/projects/" + projectId + "/datasets").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo((int) id)).body("next", nullValue());
        // Written with its audit event, in the same transaction.
        AuditEvent event = QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>find("entity = 'dataset' and entityId = ?1 and action = 'create'", id).firstResult());
        assertEquals("create", event.action);
        assertEquals("api-reviewer", event.actor);
        assertEquals(projectId, event.projectId);
        assertTrue(event.after.contains("\"format\":\"jsonl\""));
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void theListPagesNewestFirstWithACursor() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post(definition()).statusCode(202).extract().jsonPath().getLong("id"));
        }
        JsonPath first = given().get("/api/projects/" + projectId + "/datasets?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(ids.get(2).intValue(), ids.get(1).intValue()), first.getList("items.id"));
        given().get("/api/projects/" + projectId + "/datasets?limit=2&after=" + first.getString("next")).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(ids.get(0).intValue()))
                .body("next", nullValue());
        ids.forEach(ExportFixture::await);
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void everyBadDefinitionIs400NamingTheField() {
        Map<String, Object> d = definition();
        d.put("format", "xml");
        post(d).statusCode(400).body("error", equalTo("invalid")).body("field", equalTo("format"))
                .body("message", containsString("jsonl, conll, brat, w3c, csv"));
        d = definition();
        d.put("split", Map.of("train", 0.8, "dev", 0.1));
        post(d).statusCode(400).body("field", equalTo("split")).body("message", containsString("0.9"));
        d.put("split", Map.of("train", 1.2, "dev", -0.2));
        post(d).statusCode(400).body("field", equalTo("split"));
        d = definition();
        d.put("labels", List.of("ACTOR", "WEAPON"));
        post(d).statusCode(400).body("field", equalTo("labels")).body("message", containsString("WEAPON"));
        d = definition();
        d.put("statuses", List.of("APPROVED", "MAYBE"));
        post(d).statusCode(400).body("field", equalTo("statuses"));
        d = definition();
        d.remove("name");
        post(d).statusCode(400).body("field", equalTo("name"));
        d = definition();
        d.put("publishedFrom", "yesterday");
        post(d).statusCode(400).body("field", equalTo("publishedFrom"));
        d = definition();
        d.put("publishedFrom", "2024-05-01");
        d.put("publishedTo", "2024-04-01");
        post(d).statusCode(400).body("field", equalTo("publishedTo"));
        long elsewhere = fx.article(fx.project("api-reviewer"), "Elsewhere", "Kursk.");
        d = definition();
        d.put("articleIds", List.of(articleId, elsewhere));
        post(d).statusCode(400).body("field", equalTo("articleIds"));
        d = definition();
        d.remove("projectId");
        post(d).statusCode(400).body("field", equalTo("projectId"));
        given().contentType(ContentType.JSON).body("{\"projectId\": \"one\"}").post("/api/datasets").then().statusCode(400);
        // Nothing was written by any of these.
        given().get("/api/projects/" + projectId + "/datasets").then().body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "api-editor", roles = "editor")
    void editorsMayNotBuildOrReadDatasets() {
        post(definition()).statusCode(403).body("error", equalTo("forbidden"));
        given().get("/api/projects/" + projectId + "/datasets").then().statusCode(403);
        given().get("/projects/" + projectId + "/datasets").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "api-outsider", roles = "reviewer")
    void nonMembersGet404() {
        post(definition()).statusCode(404).body("error", equalTo("not_found"));
        given().get("/api/projects/" + projectId + "/datasets").then().statusCode(404);
        given().get("/projects/" + projectId + "/datasets").then().statusCode(404);
    }

    @Test
    void anotherProjectsDatasetIs404AndItsFilesToo() throws Exception {
        accounts.ensure("api-member", "reviewer");
        accounts.ensure("api-stranger", "reviewer");
        long project = fx.project("api-member");
        long article = fx.article(project, "Members only", "Kursk and Kyiv.");
        fx.insert(project, article, "LOCATION", 0, 5, "Kursk", "APPROVED", "someone", "someone-else", null);
        Map<String, Object> d = definition();
        d.put("projectId", project);
        long id = accounts.as("api-member").contentType(ContentType.JSON).body(d).post("/api/datasets").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        for (int i = 0; i < 600 && !accounts.as("api-member").get("/api/datasets/" + id).then().extract().jsonPath()
                .getString("state").equals("DONE"); i++) {
            Thread.sleep(50);
        }
        accounts.as("api-member").get("/api/datasets/" + id + "/files/dataset.jsonl").then().statusCode(200);
        given().get("/api/datasets/" + id).then().statusCode(401);
        accounts.as("api-stranger").get("/api/datasets/" + id).then().statusCode(404).body("error", equalTo("not_found"));
        accounts.as("api-stranger").get("/api/datasets/" + id + "/files/dataset.jsonl").then().statusCode(404);
        accounts.as("api-stranger").get("/datasets/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void aBrokenAnnotationFailsTheBuildWithASentence() throws Exception {
        long broken = fx.insert(projectId, articleId, "LOCATION", 18, 22, "Kyiv", "APPROVED", "api-editor", "someone", null);
        fx.execute("update annotation set quote = 'Kiev' where id = ?", broken);
        JsonPath failed = ExportFixture.build(definition());
        assertEquals("FAILED", failed.getString("state"));
        assertTrue(failed.getString("error").contains("Annotation " + broken + " no longer matches its article"),
                failed.getString("error"));
        assertEquals(List.of(), failed.getList("files"));
        given().get("/datasets/" + failed.getLong("id")).then().statusCode(200)
                .body(containsString("no longer matches its article"));
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void aReaderStoppedByAnErrorFailsItsBuildAndTheNextBuildRuns() {
        ExportReader real = ClientProxy.unwrap(reader);
        // The reader runs on a thread of its own; what stops it, even an Error (which the batch's
        // transaction hands on wrapped), must reach the writer waiting for its rows, or that build,
        // and every one queued after it, would hang: thrown where the reader cuts the batches, and
        // where a fetcher, on a thread of its own too, reads one.
        QuarkusMock.installMockForType(new SyntheticBatches(1) {
            @Override
            public List<Long> nextBatch(DatasetDefinition d, long afterId) {
                throw new OutOfMemoryError("simulated by DatasetApiTest");
            }
        }, ExportReader.class);
        assertFailedUnexpectedly(ExportFixture.build(definition()));
        QuarkusMock.installMockForType(new SyntheticBatches(1) {
            @Override
            public List<ArticleRow> articles(List<Long> ids) {
                throw new OutOfMemoryError("simulated by DatasetApiTest");
            }
        }, ExportReader.class);
        assertFailedUnexpectedly(ExportFixture.build(definition()));

        QuarkusMock.installMockForType(real, ExportReader.class);
        JsonPath next = ExportFixture.build(definition());
        assertEquals("DONE", next.getString("state"), () -> "the next build: " + next.getString("error"));
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void aFailedBatchLeavesTheBatchesBeingFetchedUninterrupted() throws Exception {
        ExportReader real = ClientProxy.unwrap(reader);
        CountDownLatch thirdStarted = new CountDownLatch(1);
        CountDownLatch thirdDone = new CountDownLatch(1);
        AtomicBoolean thirdInterrupted = new AtomicBoolean();
        // Three batches of one (empty) article each; the second fails once the third is being
        // fetched. An interrupt there would be harmless in this mock, but on H2 a thread
        // interrupted while it reads closes the database for the whole server.
        QuarkusMock.installMockForType(new SyntheticBatches(3) {
            @Override
            public List<ArticleRow> articles(List<Long> ids) {
                try {
                    if (ids.equals(List.of(2L))) {
                        thirdStarted.await(10, TimeUnit.SECONDS);
                        throw new IllegalStateException("Batch 2 is broken (simulated by DatasetApiTest).");
                    }
                    if (ids.equals(List.of(3L))) {
                        thirdStarted.countDown();
                        Thread.sleep(1_000);
                    }
                } catch (InterruptedException e) {
                    thirdInterrupted.set(true);
                } finally {
                    if (ids.equals(List.of(3L))) {
                        thirdDone.countDown();
                    }
                }
                return List.of();
            }
        }, ExportReader.class);
        try {
            JsonPath failed = ExportFixture.build(definition());
            assertEquals("FAILED", failed.getString("state"));
            assertEquals("The build failed: Batch 2 is broken (simulated by DatasetApiTest).", failed.getString("error"));
            assertTrue(thirdDone.await(10, TimeUnit.SECONDS), "the third batch was being fetched and finishes");
            assertFalse(thirdInterrupted.get(), "the fetch of the third batch was interrupted");
        } finally {
            QuarkusMock.installMockForType(real, ExportReader.class);
        }
        JsonPath next = ExportFixture.build(definition());
        assertEquals("DONE", next.getString("state"), () -> "the next build: " + next.getString("error"));
    }

    /** A reader of {@code batches} batches of one article id each (1, 2, …), without texts or spans. */
    private static class SyntheticBatches extends ExportReader {
        private final int batches;

        SyntheticBatches(int batches) {
            this.batches = batches;
        }

        @Override
        public int count(DatasetDefinition d) {
            return batches;
        }

        @Override
        public List<Long> nextBatch(DatasetDefinition d, long afterId) {
            return afterId < batches ? List.of(afterId + 1) : List.of();
        }

        @Override
        public List<ArticleRow> articles(List<Long> ids) {
            return List.of();
        }

        @Override
        public Stream<SpanRow> spans(DatasetDefinition d, List<Long> articleIds) {
            return Stream.empty();
        }
    }

    private static void assertFailedUnexpectedly(JsonPath dataset) {
        assertEquals("FAILED", dataset.getString("state"));
        assertEquals("The build failed: An unexpected error stopped it; the server log has the details.",
                dataset.getString("error"));
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void pagesDefineBuildAndShowADataset() {
        given().get("/projects/" + projectId + "/datasets").then().statusCode(200)
                .body(containsString("Build a dataset")).body(containsString("name=\"_csrf\""))
                .body(containsString("value=\"conll\""));
        String location = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("name", "From the form").formParam("format", "csv").formParam("statuses", "APPROVED")
                .formParam("labels", "ACTOR").formParam("train", "0.5").formParam("dev", "0.5").formParam("test", "0")
                .formParam("seed", "3")
                .post("/projects/" + projectId + "/datasets").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonPath done = ExportFixture.await(id);
        assertEquals("DONE", done.getString("state"));
        assertEquals(List.of("ACTOR"), done.getList("definition.labels"));
        given().get("/datasets/" + id).then().statusCode(200)
                .body(containsString("<progress")).body(containsString("100%"))
                .body(containsString("href=\"/api/datasets/" + id + "/files/spans.csv\""))
                .body(containsString("1 of 1 articles"));
        given().get("/projects/" + projectId + "/datasets").then().body(containsString("From the form"));
        // A refused form comes back with its values and the reason.
        given().contentType(ContentType.URLENC).formParam("name", "Bad split").formParam("format", "jsonl")
                .formParam("train", "0.5").formParam("dev", "0").formParam("test", "0")
                .post("/projects/" + projectId + "/datasets").then().statusCode(400)
                .body(containsString("must add up to 1")).body(containsString("value=\"Bad split\""));
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void aBuildCutShortByACrashIsBuiltAgainOnceItsLeaseRunsOut() throws Exception {
        JsonPath first = built(definition());
        long id = first.getLong("id");
        // As a crash would leave it: RUNNING on a lease that has run out, no files recorded or stored.
        fx.execute("update dataset set state = 'RUNNING', articles_done = 0, claimed_by = 'crashed', lease_until = ? "
                + "where id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), id);
        fx.execute("delete from dataset_file where dataset_id = ?", id);
        fx.execute("delete from dataset_chunk where dataset_id = ?", id);
        builder.scan();
        JsonPath again = ExportFixture.await(id);
        assertEquals("DONE", again.getString("state"));
        assertEquals(first.getList("files"), again.getList("files"), "the same files, hash for hash");
    }

    @Test
    @TestSecurity(user = "api-reviewer", roles = "reviewer")
    void aQueuedDatasetShowsItsProgressBarAndFollowsItsBuild() {
        long id = post(definition()).statusCode(202).extract().jsonPath().getLong("id");
        String page = given().get("/datasets/" + id).then().statusCode(200).extract().asString();
        // Depending on timing it is still building (bar, and the script that follows the
        // project's event stream from the page's cursor for the dataset named in data-dataset)
        // or done (bar and files).
        assertTrue(page.contains("<progress"), page);
        assertTrue(page.contains("/api/datasets/" + id + "/files/")
                || page.contains("data-dataset=\"" + id + "\"") && page.contains("data-project=\"" + projectId + "\"")
                        && page.matches("(?s).*data-cursor=\"[0-9]+\".*") && page.contains("src=\"/js/dataset.js\""), page);
        ExportFixture.await(id);
        given().get("/api/datasets/" + id).then().body("manifest", notNullValue());
    }
}
