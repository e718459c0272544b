package io.gloss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.dataset.DatasetDefinition;
import io.gloss.dataset.ExportReader;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dataset's build on the project's event stream and changes feed: queued, running with its
 * progress, done, for those who may GET datasets (reviewers, admins), and for nobody else.
 */
@QuarkusTest
class DatasetEventsTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Articles of the slow build, each read in its own batch. */
    static final int ARTICLES = 8;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    ExportReader reader;

    @TestHTTPResource("/")
    URL base;

    long projectId;
    long articleId;
    ExportReader real;

    @BeforeEach
    void fixture() {
        accounts.ensure("ds-editor", "editor");
        accounts.ensure("ds-reviewer", "reviewer");
        projectId = data.project("ds-editor", "ds-reviewer");
        articleId = data.article(projectId, "Live", "Zelensky spoke in Kyiv.");
        // A build slow enough to report progress: a batch of one article every 300 ms.
        real = ClientProxy.unwrap(reader);
        QuarkusMock.installMockForType(new ExportReader() {
            @Override
            public int count(DatasetDefinition d) {
                return ARTICLES;
            }

            @Override
            public List<Long> nextBatch(DatasetDefinition d, long afterId) {
                return afterId < ARTICLES ? List.of(afterId + 1) : List.of();
            }

            @Override
            public List<ArticleRow> articles(List<Long> ids) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids.stream().map(id -> new ArticleRow(id, "Title " + id, null, null, null, "Text " + id)).toList();
            }

            @Override
            public Stream<SpanRow> spans(DatasetDefinition d, List<Long> articleIds) {
                return Stream.empty();
            }
        }, ExportReader.class);
    }

    @AfterEach
    void restore() {
        QuarkusMock.installMockForType(real, ExportReader.class);
    }

    @Test
    void reviewersFollowABuildFromQueuedToDoneAndEditorsSeeNothingOfIt() throws Exception {
        try (SseClient reviewer = SseClient.open(uri("/api/projects/" + projectId + "/events"), "ds-reviewer", null);
                SseClient editor = SseClient.open(uri("/api/projects/" + projectId + "/events"), "ds-editor", null);
                SseClient article = SseClient.open(uri("/api/articles/" + articleId + "/events"), "ds-reviewer", null)) {
            long id = accounts.as("ds-reviewer").contentType(ContentType.JSON)
                    .body(Map.of("projectId", projectId, "name", "Live", "format", "jsonl"))
                    .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
            List<JsonNode> seen = new ArrayList<>();
            List<Long> receivedAt = new ArrayList<>();
            String lastType = null;
            while (seen.isEmpty() || !seen.get(seen.size() - 1).path("state").asText().equals("DONE")) {
                SseClient.Event event = reviewer.next("dataset", WAIT);
                assertNotNull(event, "dataset events until DONE; had " + seen);
                JsonNode data = JSON.readTree(event.data());
                lastType = data.path("type").asText();
                seen.add(data.path("dataset"));
                receivedAt.add(System.nanoTime());
            }
            assertEquals(id, seen.get(0).path("id").asLong());
            assertEquals("QUEUED", seen.get(0).path("state").asText());
            assertEquals("RUNNING", seen.get(1).path("state").asText());
            assertEquals(0.0, seen.get(1).path("progress").asDouble());
            List<Double> progress = seen.subList(2, seen.size() - 1).stream().map(d -> d.path("progress").asDouble()).toList();
            assertTrue(!progress.isEmpty(), "progress reported while it ran: " + seen);
            assertTrue(progress.stream().allMatch(p -> p > 0 && p <= 1), "progress between 0 and 1: " + progress);
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) > progress.get(i - 1), "only when it moved: " + progress);
            }
            // At most one a second while it ran (one more for the jitter of delivery).
            long ranMillis = (receivedAt.get(receivedAt.size() - 1) - receivedAt.get(1)) / 1_000_000;
            assertTrue(progress.size() <= ranMillis / 1000 + 1, "at most one progress event a second: " + progress
                    + " in " + ranMillis + " ms");
            assertEquals(1.0, seen.get(seen.size() - 1).path("progress").asDouble());
            assertEquals("updated", lastType);

            // The editor, who may not GET datasets, and the article's stream got none of it: their
            // next event is the annotation made now.
            accounts.as("ds-editor").contentType(ContentType.JSON)
                    .body(Map.of("articleId", articleId, "label", "LOCATION", "start", 18, "end", 22, "quote", "Kyiv"))
                    .post("/api/annotations").then().statusCode(201);
            assertEquals("annotation", nextChange(editor).name());
            assertEquals("annotation", nextChange(article).name());
        }
    }

    @Test
    void theChangesFeedShowsDatasetsToReviewersOnly() {
        long id = accounts.as("ds-reviewer").contentType(ContentType.JSON)
                .body(Map.of("projectId", projectId, "name", "Feed", "format", "jsonl"))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
        List<Map<String, Object>> items = List.of();
        for (int i = 0; i < 200 && items.stream().noneMatch(DatasetEventsTest::done); i++) {
            items = accounts.as("ds-reviewer").get("/api/projects/" + projectId + "/changes?after=0").then()
                    .statusCode(200).extract().jsonPath().getList("items");
            sleep();
        }
        assertTrue(items.stream().anyMatch(DatasetEventsTest::done), "the reviewer's feed has the build: " + items);
        assertEquals("created", items.get(0).get("type"));
        assertEquals(id, ((Number) ((Map<?, ?>) items.get(0).get("dataset")).get("id")).longValue());
        List<Map<String, Object>> editors = accounts.as("ds-editor").get("/api/projects/" + projectId + "/changes?after=0")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of(), editors, "the editor's feed has none of it");
    }

    /** The next event about a change (presence events skipped). */
    private static SseClient.Event nextChange(SseClient client) throws InterruptedException {
        SseClient.Event event;
        do {
            event = client.next(WAIT);
        } while (event != null && event.name().equals("presence"));
        assertNotNull(event, "a change arrives");
        return event;
    }

    private static boolean done(Map<String, Object> item) {
        return item.get("dataset") instanceof Map<?, ?> d && "DONE".equals(d.get("state"));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }
}
