package io.gloss.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retiring an article (issue 18): it leaves the lists, the review queue, My work, assignments,
 * agreement, curation and new datasets; its annotations and the datasets built before stay as
 * they were; it takes no changes until an admin restores it.
 */
@QuarkusTest
class ArticleRetireTest {

    static final String ADMIN = "ret-admin";
    static final String EDITOR = "ret-editor";
    static final String EDITOR2 = "ret-editor2";
    static final String REVIEWER = "ret-reviewer";
    static final String TEXT_A = "Zelensky spoke in Kyiv about the retired story.";
    static final String TEXT_B = "Macron answered from Paris about the live story.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    ArticleQueries articleQueries;

    long project;
    long retired;
    long live;

    @BeforeEach
    void fixture() {
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(EDITOR2, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        project = data.project(EDITOR, EDITOR2, REVIEWER);
        retired = data.article(project, "Retiring story", TEXT_A);
        live = data.article(project, "Live story", TEXT_B);
    }

    @Test
    void adminsRetireAndRestoreAndListsFollow() {
        long span = tag(EDITOR, retired, TEXT_A, 0, 8);
        assertEquals(List.of(retired, live), listed(""));
        for (String other : List.of(EDITOR, REVIEWER)) {
            accounts.as(other).delete("/api/articles/" + retired).then().statusCode(403).body("error", equalTo("forbidden"));
            accounts.as(other).post("/api/articles/" + retired + "/restore").then().statusCode(403);
        }
        accounts.as(ADMIN).delete("/api/articles/999999999").then().statusCode(404);

        accounts.as(ADMIN).delete("/api/articles/" + retired).then().statusCode(200)
                .body("id", equalTo((int) retired)).body("retiredBy", equalTo(ADMIN)).body("retiredAt", notNullValue());
        accounts.as(ADMIN).delete("/api/articles/" + retired).then().statusCode(409)
                .body("error", equalTo("article_retired")).body("message", containsString("retired already, by " + ADMIN));
        assertEquals(List.of(live), listed(""));
        assertEquals(List.of(retired), listed("?retired=true"));
        accounts.as(EDITOR).get("/api/projects/" + project + "/articles?retired=true").then().statusCode(200)
                .body("items[0].retiredBy", equalTo(ADMIN));
        // Kept: members still read it and its annotations (old datasets and the audit trail name them).
        accounts.as(EDITOR).get("/api/articles/" + retired).then().statusCode(200).body("retiredBy", equalTo(ADMIN));
        accounts.as(EDITOR).get("/api/articles/" + retired + "/annotations").then().statusCode(200)
                .body("items[0].id", equalTo((int) span));

        // No change to its annotations: made, edited, deleted or decided.
        accounts.as(EDITOR).contentType(ContentType.JSON).body(span(retired, TEXT_A, 9, 14))
                .post("/api/annotations").then().statusCode(409).body("error", equalTo("article_retired"))
                .body("message", containsString("Retiring story"));
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("note", "n", "version", 0))
                .put("/api/annotations/" + span).then().statusCode(409).body("error", equalTo("article_retired"));
        accounts.as(EDITOR).delete("/api/annotations/" + span).then().statusCode(409).body("error", equalTo("article_retired"));
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + span + "/decision").then().statusCode(409).body("error", equalTo("article_retired"));
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("ids", List.of(span), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(409).body("results[0].error", equalTo("article_retired"));

        accounts.as(ADMIN).post("/api/articles/" + retired + "/restore").then().statusCode(200)
                .body("retiredAt", nullValue()).body("retiredBy", nullValue());
        accounts.as(ADMIN).post("/api/articles/" + retired + "/restore").then().statusCode(409)
                .body("error", equalTo("article_live"));
        assertEquals(List.of(retired, live), listed(""));
        assertEquals(List.of(), listed("?retired=true"));
        tag(EDITOR, retired, TEXT_A, 9, 14);

        JsonPath audit = accounts.as(ADMIN).get("/api/audit?entity=article&id=" + retired).then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = audit.getList("items.action");
        assertTrue(actions.containsAll(List.of("retire", "restore")), actions.toString());
        int retire = actions.indexOf("retire");
        assertEquals(ADMIN, audit.getString("items[" + retire + "].user"));
        assertEquals(null, audit.getString("items[" + retire + "].before.retiredBy"));
        assertEquals(ADMIN, audit.getString("items[" + retire + "].after.retiredBy"));
        int restore = actions.indexOf("restore");
        assertEquals(ADMIN, audit.getString("items[" + restore + "].before.retiredBy"));
        assertEquals(null, audit.getString("items[" + restore + "].after.retiredBy"));
    }

    @Test
    void aRetiredArticleLeavesTheQueueMyWorkAgreementCurationAndAssignments() {
        tag(EDITOR, retired, TEXT_A, 0, 8);
        tag(EDITOR2, retired, TEXT_A, 0, 8);
        tag(EDITOR, live, TEXT_B, 0, 6);
        tag(EDITOR2, live, TEXT_B, 0, 6);
        for (long article : List.of(retired, live)) {
            for (String editor : List.of(EDITOR, EDITOR2)) {
                accounts.assignDone(ADMIN, project, article, editor);
            }
        }
        assertEquals(2, queueArticles().stream().filter(id -> id == retired).count());
        accounts.as(REVIEWER).get("/api/projects/" + project + "/agreement").then().statusCode(200).body("articles", equalTo(2));
        String editorSession = TestAccounts.session(EDITOR);
        io.restassured.RestAssured.given().cookie("gloss-session", editorSession).get("/my-work").then().statusCode(200)
                .body(containsString("Retiring story"));
        assertEquals(List.of(retired), articleQueries.titled(List.of(project), "retiring", 10).stream()
                .map(ArticleTitle::id).toList());

        accounts.as(ADMIN).delete("/api/articles/" + retired).then().statusCode(200);

        assertFalse(queueArticles().contains(retired), "the queue skips the retired article's spans");
        assertTrue(queueArticles().contains(live));
        accounts.as(REVIEWER).get("/api/projects/" + project + "/agreement").then().statusCode(200).body("articles", equalTo(1));
        io.restassured.RestAssured.given().cookie("gloss-session", editorSession).get("/my-work").then().statusCode(200)
                .body(containsString("Live story")).body(org.hamcrest.Matchers.not(containsString("Retiring story")));
        assertEquals(List.of(), articleQueries.titled(List.of(project), "retiring", 10));
        assertEquals(List.of(live), articleQueries.titled(List.of(project), null, 10).stream().map(ArticleTitle::id).toList());
        accounts.as(REVIEWER).get("/api/articles/" + retired + "/curation").then().statusCode(409)
                .body("error", equalTo("article_retired"));
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("accept", List.of(1)))
                .post("/api/articles/" + retired + "/curation").then().statusCode(409).body("error", equalTo("article_retired"));
        accounts.as(REVIEWER).post("/api/articles/" + retired + "/curation/auto").then().statusCode(409)
                .body("error", equalTo("article_retired"));
        // Assignments: a retired article is neither spread nor assigned by hand.
        String third = "ret-editor3";
        accounts.ensure(third, "editor");
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("username", third))
                .post("/api/projects/" + project + "/members").then().statusCode(204);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("annotatorsPerArticle", 3, "name", "Retire " + project))
                .put("/api/projects/" + project).then().statusCode(200);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("editors", List.of(third)))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201)
                .body("created", equalTo(1)).body("items[0].articleId", equalTo((int) live));
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("articleId", retired, "username", third))
                .post("/api/projects/" + project + "/assignments").then().statusCode(404)
                .body("message", containsString("retired"));
    }

    @Test
    void newDatasetsLeaveItOutAndOldOnesStayByteForByte() {
        tag(EDITOR, retired, TEXT_A, 0, 8);
        tag(EDITOR, live, TEXT_B, 0, 6);
        long before = build();
        byte[] oldFile = download(before, "dataset.jsonl");
        byte[] oldManifest = download(before, "manifest.json");
        assertTrue(new String(oldFile, java.nio.charset.StandardCharsets.UTF_8).contains(TEXT_A));

        accounts.as(ADMIN).delete("/api/articles/" + retired).then().statusCode(200);

        long after = build();
        String fresh = new String(download(after, "dataset.jsonl"), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(fresh.contains(TEXT_A), fresh);
        assertTrue(fresh.contains(TEXT_B), fresh);
        assertArrayEquals(oldFile, download(before, "dataset.jsonl"), "the dataset built before is unchanged");
        assertArrayEquals(oldManifest, download(before, "manifest.json"));
        // Naming it explicitly is refused with the reason.
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("projectId", project, "name", "Named", "format", "jsonl",
                "statuses", List.of("SUBMITTED"), "articleIds", List.of(retired)))
                .post("/api/datasets").then().statusCode(400).body("field", equalTo("articleIds"))
                .body("message", containsString("retired"));
    }

    private long build() {
        long id = accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("projectId", project, "name", "Retire test",
                "format", "jsonl", "statuses", List.of("SUBMITTED"))).post("/api/datasets").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String state = accounts.as(ADMIN).get("/api/datasets/" + id).then().statusCode(200).extract().jsonPath()
                    .getString("state");
            if (state.equals("DONE")) {
                return id;
            }
            if (state.equals("FAILED")) {
                fail("dataset " + id + " failed");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("dataset " + id + " was not built within 60 s");
        return id;
    }

    private byte[] download(long dataset, String name) {
        return accounts.as(ADMIN).get("/api/datasets/" + dataset + "/files/" + name).then().statusCode(200).extract().asByteArray();
    }

    private List<Long> listed(String query) {
        return accounts.as(EDITOR).get("/api/projects/" + project + "/articles" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private List<Long> queueArticles() {
        return accounts.as(REVIEWER).get("/api/review/queue?project=" + project).then().statusCode(200)
                .extract().jsonPath().getList("items.articleId", Long.class);
    }

    private long tag(String editor, long article, String text, int start, int end) {
        return accounts.as(editor).contentType(ContentType.JSON).body(span(article, text, start, end))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> span(long article, String text, int start, int end) {
        return Map.of("articleId", article, "label", "ACTOR", "start", start, "end", end, "quote", text.substring(start, end));
    }
}
