package io.gloss.live;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.junit.jupiter.api.Test;

/**
 * A blind project: an editor's API calls, event streams, changes feed and pages never show
 * another editor's spans on an article before the editor has marked their own work on it done.
 */
@QuarkusTest
class BlindModeTest {

    static final String TEXT = "Officials in Odesa said the grain corridor reopened after talks in Istanbul.";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URL base;

    long annotate(String editor, long article, String needle, String label) {
        int start = TEXT.indexOf(needle);
        return accounts.as(editor).contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", label, "start", start, "end", start + needle.length(), "quote", needle))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void othersSpansStayHiddenUntilTheEditorIsDone() throws Exception {
        accounts.ensure("bl-admin", "admin");
        accounts.ensure("bl-ana", "editor");
        accounts.ensure("bl-ben", "editor");
        accounts.ensure("bl-rev", "reviewer");
        long project = data.project("bl-ana", "bl-ben", "bl-rev");
        accounts.as("bl-admin").contentType(ContentType.JSON).body(Map.of("name", "Blind " + project, "blind", true,
                "annotatorsPerArticle", 2)).put("/api/projects/" + project).then().statusCode(200);
        accounts.as("bl-admin").contentType(ContentType.JSON)
                .body(Map.of("key", "LOCATED_IN", "name", "Located in", "from", List.of("CLAIM"), "to", List.of("LOCATION")))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
        long article = data.article(project, "Corridor", TEXT);
        accounts.assign("bl-admin", project, article, "bl-ana");
        long bensWork = accounts.assign("bl-admin", project, article, "bl-ben");
        URI stream = URI.create(base.toString().replaceAll("/$", "") + "/api/projects/" + project + "/events");

        try (SseClient ben = SseClient.open(stream, "bl-ben", null);
                SseClient reviewer = SseClient.open(stream, "bl-rev", null)) {
            long anas = annotate("bl-ana", article, "Odesa", "LOCATION");
            long own = annotate("bl-ben", article, "Istanbul", "LOCATION");

            // Ben's stream carries his own span (and his assignment starting), never Ana's.
            SseClient.Event first = ben.next("annotation", WAIT);
            assertNotNull(first);
            assertEquals(own, JSON.readTree(first.data()).path("annotation").path("id").asLong(), "his own span only");
            assertEquals(anas, JSON.readTree(reviewer.next("annotation", WAIT).data()).path("annotation").path("id").asLong(),
                    "reviewers see every span");

            // The API.
            accounts.as("bl-ben").get("/api/articles/" + article + "/annotations").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].author", equalTo("bl-ben"));
            accounts.as("bl-ben").queryParam("author", "bl-ana").get("/api/articles/" + article + "/annotations")
                    .then().statusCode(200).body("items", hasSize(0));
            accounts.as("bl-ben").get("/api/annotations/" + anas).then().statusCode(404);
            accounts.as("bl-rev").get("/api/articles/" + article + "/annotations").then().body("items", hasSize(2));
            // The changes feed.
            accounts.as("bl-ben").get("/api/projects/" + project + "/changes").then().statusCode(200)
                    .body("items.annotation.author", not(hasItem("bl-ana")))
                    .body("items.assignment.username", everyItem(equalTo("bl-ben")));
            // The page: neither the embedded data nor the text around it names Ana's span.
            String page = accounts.as("bl-ben").get("/articles/" + article).then().statusCode(200)
                    .body(containsString("until you mark this article done")).extract().asString();
            assertEquals(-1, page.indexOf("\"author\":\"bl-ana\""), "the page holds none of Ana's spans");

            // Ana goes on; Ben's stream still gets nothing of hers.
            long claim = annotate("bl-ana", article, "grain corridor", "CLAIM");
            assertNull(ben.next("annotation", Duration.ofMillis(800)), "nothing of Ana's before Ben is done");
            // Nor her relations: not on his stream, in his feed or on his page; the reviewer's stream has it.
            long relation = accounts.as("bl-ana").contentType(ContentType.JSON)
                    .body(Map.of("type", "LOCATED_IN", "fromId", claim, "toId", anas)).post("/api/relations")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            assertNull(ben.next("relation", Duration.ofMillis(800)), "none of Ana's relations before Ben is done");
            assertEquals(relation, JSON.readTree(reviewer.next("relation", WAIT).data()).path("relation").path("id").asLong());
            accounts.as("bl-ben").get("/api/projects/" + project + "/changes").then().statusCode(200)
                    .body("items.findAll { it.event == 'relation' }", hasSize(0));
            accounts.as("bl-ben").get("/api/articles/" + article + "/relations").then().statusCode(200).body("items", hasSize(0));

            // Ben marks his work done: from then on he sees everyone's, on the stream too.
            accounts.mark("bl-ben", bensWork, "DONE");
            SseClient.Event done = ben.next("assignment", WAIT);
            assertNotNull(done, "his assignment's change reaches him");
            JsonNode doneBody = JSON.readTree(done.data());
            assertEquals("DONE", doneBody.path("assignment").path("state").asText());
            long later = annotate("bl-ana", article, "talks", "CLAIM");
            SseClient.Event seen = ben.next("annotation", WAIT);
            assertNotNull(seen, "after DONE, Ana's new span reaches Ben");
            assertEquals(later, JSON.readTree(seen.data()).path("annotation").path("id").asLong());
        }
        accounts.as("bl-ben").get("/api/articles/" + article + "/annotations").then().body("items", hasSize(4));
        accounts.as("bl-ben").get("/api/annotations/" + annotate("bl-ana", article, "Officials", "ACTOR")).then().statusCode(200);
        accounts.as("bl-ben").get("/articles/" + article).then().statusCode(200)
                .body(not(containsString("until you mark this article done")))
                .body(containsString("\"author\":\"bl-ana\""));
        // Ana, still at work, sees only her own.
        accounts.as("bl-ana").get("/api/articles/" + article + "/annotations").then()
                .body("items.author", everyItem(equalTo("bl-ana")));
    }
}
