package io.gloss.live;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes reach open streams as they commit, replay from a cursor, and respect membership. */
@QuarkusTest
class LiveChangesTest {

    static final String TEXT = "Zelensky said two soldiers were captured in Kursk. Pyongyang did not comment.";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URL base;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        accounts.ensure("lv-editor", "editor");
        accounts.ensure("lv-reviewer", "reviewer");
        accounts.ensure("lv-outsider", "editor", "reviewer");
        projectId = data.project("lv-editor", "lv-reviewer");
        articleId = data.article(projectId, "Live", TEXT);
    }

    long annotate(String needle, String label) {
        int start = TEXT.indexOf(needle);
        return accounts.as("lv-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", label, "start", start, "end", start + needle.length(),
                        "quote", needle))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void approve(long id) {
        accounts.as("lv-reviewer").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + id + "/decision").then().statusCode(200);
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    @Test
    void aStreamReceivesChangesAsTheyCommitAndReplaysFromACursor() throws Exception {
        long first;
        try (SseClient reviewer = SseClient.open(uri("/api/articles/" + articleId + "/events"), "lv-reviewer", null)) {
            long id = annotate("Zelensky", "ACTOR");
            SseClient.Event created = reviewer.next("annotation", WAIT);
            assertNotNull(created, "the reviewer's stream receives the editor's new annotation");
            JsonNode body = JSON.readTree(created.data());
            assertEquals("created", body.path("type").asText());
            assertEquals(id, body.path("annotation").path("id").asLong());
            assertEquals("Zelensky", body.path("annotation").path("quote").asText());
            first = Long.parseLong(created.id());

            approve(id);
            SseClient.Event decided = reviewer.next("annotation", WAIT);
            assertNotNull(decided, "the decision follows");
            JsonNode after = JSON.readTree(decided.data());
            assertEquals("decided", after.path("type").asText());
            assertEquals("APPROVED", after.path("annotation").path("status").asText());
            assertEquals(1, after.path("annotation").path("version").asInt(), "the event carries the committed version");
            assertTrue(Long.parseLong(decided.id()) > first);
        }

        // Missed while away: one more annotation; a reconnect from the first cursor gets exactly the two after it.
        long third = annotate("Kursk", "LOCATION");
        try (SseClient again = SseClient.open(uri("/api/articles/" + articleId + "/events"), "lv-reviewer",
                String.valueOf(first))) {
            SseClient.Event replayedDecision = again.next("annotation", WAIT);
            SseClient.Event replayedCreate = again.next("annotation", WAIT);
            assertEquals("decided", JSON.readTree(replayedDecision.data()).path("type").asText());
            assertEquals(third, JSON.readTree(replayedCreate.data()).path("annotation").path("id").asLong());
            assertNull(again.next("annotation", Duration.ofMillis(500)), "nothing twice, nothing more");
        }
    }

    @Test
    void anArticleStreamCarriesOnlyItsArticleAndTheProjectStreamCarriesAll() throws Exception {
        long otherArticle = data.article(projectId, "Other", "Seoul confirmed the report on Tuesday.");
        try (SseClient article = SseClient.open(uri("/api/articles/" + articleId + "/events"), "lv-reviewer", null);
                SseClient project = SseClient.open(uri("/api/projects/" + projectId + "/events"), "lv-reviewer", null)) {
            accounts.as("lv-editor").contentType(ContentType.JSON)
                    .body(Map.of("articleId", otherArticle, "label", "LOCATION", "start", 0, "end", 5, "quote", "Seoul"))
                    .post("/api/annotations").then().statusCode(201);
            long here = annotate("Pyongyang", "LOCATION");
            assertEquals(otherArticle, JSON.readTree(project.next("annotation", WAIT).data()).path("annotation")
                    .path("articleId").asLong());
            assertEquals(here, JSON.readTree(project.next("annotation", WAIT).data()).path("annotation").path("id").asLong());
            assertEquals(here, JSON.readTree(article.next("annotation", WAIT).data()).path("annotation").path("id").asLong(),
                    "the article's stream skips the other article's change");
        }
    }

    @Test
    void presenceListsWhoIsOnTheArticle() throws Exception {
        try (SseClient reviewer = SseClient.open(uri("/api/articles/" + articleId + "/events"), "lv-reviewer", null)) {
            assertEquals("{\"users\":[\"lv-reviewer\"]}", reviewer.next("presence", WAIT).data());
            try (SseClient editor = SseClient.open(uri("/api/articles/" + articleId + "/events"), "lv-editor", null)) {
                assertEquals("{\"users\":[\"lv-editor\",\"lv-reviewer\"]}", reviewer.next("presence", WAIT).data());
                assertEquals("{\"users\":[\"lv-editor\",\"lv-reviewer\"]}", editor.next("presence", WAIT).data());
            }
            // Well before the next keep-alive (15 s): the editor's closed connection is noticed by itself.
            assertEquals("{\"users\":[\"lv-reviewer\"]}", reviewer.next("presence", WAIT).data(), "the editor left");
        }
    }

    @Test
    void theChangesFeedPagesFromACursor() {
        long a = annotate("Zelensky", "ACTOR");
        approve(a);
        long b = annotate("Kursk", "LOCATION");
        List<Map<String, Object>> all = accounts.as("lv-reviewer").get("/api/projects/" + projectId + "/changes?after=0")
                .then().statusCode(200).body("next", nullValue()).extract().jsonPath().getList("items");
        assertEquals(List.of("created", "decided", "created"), all.stream().map(i -> i.get("type")).toList());
        assertEquals(List.of("annotation", "annotation", "annotation"), all.stream().map(i -> i.get("event")).toList());

        String next = accounts.as("lv-reviewer").get("/api/projects/" + projectId + "/changes?after=0&limit=2")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath().getString("next");
        accounts.as("lv-reviewer").get("/api/projects/" + projectId + "/changes?after=" + next)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].annotation.id", equalTo((int) b))
                .body("next", nullValue());
    }

    @Test
    void nonMembersAndBadCursorsAreRefused() {
        io.restassured.RestAssured.given().get("/api/projects/" + projectId + "/changes").then().statusCode(401);
        io.restassured.RestAssured.given().accept("text/event-stream").get("/api/articles/" + articleId + "/events")
                .then().statusCode(401);
        accounts.as("lv-outsider").get("/api/projects/" + projectId + "/changes").then().statusCode(404);
        accounts.as("lv-outsider").accept("text/event-stream").get("/api/articles/" + articleId + "/events")
                .then().statusCode(404);
        accounts.as("lv-outsider").accept("text/event-stream").get("/api/projects/" + projectId + "/events")
                .then().statusCode(404);
        accounts.as("lv-reviewer").get("/api/projects/" + projectId + "/changes?after=yesterday")
                .then().statusCode(400).body("field", equalTo("after"));
    }
}
