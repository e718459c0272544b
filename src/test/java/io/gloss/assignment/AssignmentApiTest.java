package io.gloss.assignment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentApiTest {

    private static final List<String> SEVEN = List.of("as-e1", "as-e2", "as-e3", "as-e4", "as-e5", "as-e6", "as-e7");

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Test
    void aThousandArticlesGoToThreeOfSevenEditorsEach() {
        accounts.ensure("as-admin", "admin");
        SEVEN.forEach(e -> accounts.ensure(e, "editor"));
        long project = data.project(SEVEN.toArray(String[]::new));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append("{\"title\": \"Brief ").append(i).append("\", \"text\": \"Council brief number ").append(i)
                    .append(": the budget vote moved to Thursday.\"}\n");
        }
        accounts.as("as-admin").contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/articles/import").then().statusCode(200).body("imported", equalTo(1000));
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("name", "Briefs", "annotatorsPerArticle", 3))
                .put("/api/projects/" + project).then().statusCode(200);

        JsonPath made = accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("editors", SEVEN))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201)
                .body("created", equalTo(3000)).body("unfilled", equalTo(0)).extract().jsonPath();
        assertEquals(3000, made.getList("items").size());

        // Read back through the API, page by page, as a script would.
        Map<Long, Set<String>> byArticle = new HashMap<>();
        Map<String, Integer> loads = new HashMap<>();
        String after = "";
        do {
            JsonPath page = accounts.as("as-admin").queryParam("limit", 500).queryParam("after", after)
                    .get("/api/projects/" + project + "/assignments").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                assertEquals("ASSIGNED", item.get("state"));
                String editor = (String) item.get("username");
                assertTrue(byArticle.computeIfAbsent(((Number) item.get("articleId")).longValue(), id -> new HashSet<>())
                        .add(editor), "never the same editor twice on an article");
                loads.merge(editor, 1, Integer::sum);
            }
            after = page.getString("next");
        } while (after != null);
        assertEquals(1000, byArticle.size());
        assertTrue(byArticle.values().stream().allMatch(s -> s.size() == 3), "three distinct editors each");
        int min = loads.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = loads.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max - min <= 1, "loads within one: " + loads);

        // Asking again finds nothing short of editors.
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("editors", SEVEN))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201).body("created", equalTo(0));
    }

    @Test
    void editorsMoveTheirOwnWorkOnAndDoneFreezesTheirSpans() {
        accounts.ensure("as-admin", "admin");
        accounts.ensure("as-ed", "editor");
        accounts.ensure("as-other", "editor");
        accounts.ensure("as-rev", "reviewer");
        accounts.ensure("as-outsider", "editor");
        long project = data.project("as-ed", "as-other", "as-rev");
        String text = "The mayor said the bridge would reopen in May.";
        long article = data.article(project, "Bridge", text);

        accounts.as("as-ed").contentType(ContentType.JSON).body(Map.of("articleId", article, "username", "as-ed"))
                .post("/api/projects/" + project + "/assignments").then().statusCode(403);
        long mine = accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("articleId", article, "username", "as-ed"))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201)
                .body("created", equalTo(1)).body("items[0].state", equalTo("ASSIGNED"))
                .extract().jsonPath().getLong("items[0].id");
        long theirs = accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("articleId", article, "username", "as-other"))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201).extract().jsonPath().getLong("items[0].id");
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("articleId", article, "username", "as-ed"))
                .post("/api/projects/" + project + "/assignments").then().statusCode(409).body("error", equalTo("duplicate"));
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("articleId", article, "username", "as-outsider"))
                .post("/api/projects/" + project + "/assignments").then().statusCode(400).body("field", equalTo("editors"))
                .body("message", containsString("not a member"));
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("articleId", article, "username", "as-rev"))
                .post("/api/projects/" + project + "/assignments").then().statusCode(400)
                .body("message", containsString("not an active editor"));
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("editors", List.of("as-ed"), "articleIds", List.of(987654321)))
                .post("/api/projects/" + project + "/assignments").then().statusCode(404);

        // Editors see their own assignments only; reviewers see everyone's.
        accounts.as("as-ed").get("/api/projects/" + project + "/assignments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].username", equalTo("as-ed"));
        accounts.as("as-ed").queryParam("username", "as-other").get("/api/projects/" + project + "/assignments")
                .then().statusCode(403);
        accounts.as("as-ed").get("/api/assignments/" + theirs).then().statusCode(405);
        accounts.as("as-ed").contentType(ContentType.JSON).body(Map.of("state", "DONE")).put("/api/assignments/" + theirs)
                .then().statusCode(404);
        accounts.as("as-rev").queryParam("state", "ASSIGNED").get("/api/projects/" + project + "/assignments")
                .then().statusCode(200).body("items", hasSize(2));
        accounts.as("as-rev").queryParam("state", "FINISHED").get("/api/projects/" + project + "/assignments")
                .then().statusCode(400).body("field", equalTo("state"));

        // The first span starts the work.
        long span = accounts.as("as-ed").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "ACTOR", "start", 4, "end", 9, "quote", "mayor"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("as-ed").queryParam("articleId", article).get("/api/projects/" + project + "/assignments")
                .then().body("items[0].state", equalTo("IN_PROGRESS"));

        // Done freezes the editor's spans on the article.
        accounts.as("as-ed").contentType(ContentType.JSON).body(Map.of("state", "DONE")).put("/api/assignments/" + mine)
                .then().statusCode(200).body("state", equalTo("DONE"));
        accounts.as("as-ed").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 19, "end", 25, "quote", "bridge"))
                .post("/api/annotations").then().statusCode(409).body("error", equalTo("assignment_done"));
        accounts.as("as-ed").contentType(ContentType.JSON).body(Map.of("label", "CLAIM", "version", 0))
                .put("/api/annotations/" + span).then().statusCode(409).body("error", equalTo("assignment_done"));
        accounts.as("as-ed").delete("/api/annotations/" + span).then().statusCode(409);
        accounts.as("as-ed").contentType(ContentType.JSON).body(Map.of("state", "IN_PROGRESS")).put("/api/assignments/" + mine)
                .then().statusCode(409).body("error", equalTo("done")).body("message", containsString("admin"));
        // The other editor is not frozen.
        accounts.as("as-other").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 19, "end", 25, "quote", "bridge"))
                .post("/api/annotations").then().statusCode(201);

        // An admin reopens; the editor may work again.
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("state", "IN_PROGRESS")).put("/api/assignments/" + mine)
                .then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        accounts.as("as-ed").delete("/api/annotations/" + span).then().statusCode(204);

        accounts.as("as-ed").delete("/api/assignments/" + mine).then().statusCode(403);
        accounts.as("as-admin").delete("/api/assignments/" + mine).then().statusCode(204);
        accounts.as("as-admin").delete("/api/assignments/" + mine).then().statusCode(404);
        accounts.as("as-rev").get("/api/projects/" + project + "/assignments").then()
                .body("items.username", everyItem(equalTo("as-other")));
    }

    @Test
    void assignmentsAreChangesThatEditorsSeeOnlyForThemselves() {
        accounts.ensure("as-admin", "admin");
        accounts.ensure("as-feed-a", "editor");
        accounts.ensure("as-feed-b", "editor");
        long project = data.project("as-feed-a", "as-feed-b");
        List<Long> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            articles.add(data.article(project, "Feed " + i, "Report " + i + " on the harbour dredging."));
        }
        accounts.as("as-admin").contentType(ContentType.JSON).body(Map.of("editors", List.of("as-feed-a", "as-feed-b")))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201).body("created", equalTo(3));
        List<String> seenByA = accounts.as("as-feed-a").get("/api/projects/" + project + "/changes").then().statusCode(200)
                .extract().jsonPath().getList("items.assignment.username");
        List<String> seenByAdmin = accounts.as("as-admin").get("/api/projects/" + project + "/changes").then().statusCode(200)
                .body("items.event", everyItem(equalTo("assignment"))).body("items.type", everyItem(equalTo("created")))
                .extract().jsonPath().getList("items.assignment.username");
        assertEquals(3, seenByAdmin.size());
        assertTrue(seenByA.stream().allMatch("as-feed-a"::equals) && !seenByA.isEmpty(), "only their own: " + seenByA);
    }
}
