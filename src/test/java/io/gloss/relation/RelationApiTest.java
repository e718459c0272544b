package io.gloss.relation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relations between two spans of one article (issue 20): typed and directed, with the labels the
 * type allows at each end, made by editors, changed by their author, decided on by another reviewer.
 */
@QuarkusTest
class RelationApiTest {

    static final String ADMIN = "rel-admin";
    static final String EDITOR = "rel-editor";
    static final String EDITOR2 = "rel-editor2";
    static final String REVIEWER = "rel-reviewer";
    static final String OUTSIDER = "rel-outsider";
    static final String BOTH = "rel-both";
    static final String TEXT = "Kyiv says 200 soldiers were captured near Kursk, according to Volodymyr Zelensky.";
    static final String OTHER = "Moscow denies it; Dmitry Peskov spoke in Moscow.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    long article;
    long claim;
    long actor;
    long location;

    @BeforeEach
    void fixture() {
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(EDITOR2, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(OUTSIDER, "editor", "reviewer");
        accounts.ensure(BOTH, "editor", "reviewer");
        project = data.project(EDITOR, EDITOR2, REVIEWER, BOTH);
        type("ATTRIBUTED_TO", List.of("CLAIM"), List.of("ACTOR")).then().statusCode(201);
        type("LOCATED_IN", List.of("CLAIM"), List.of("LOCATION")).then().statusCode(201);
        article = data.article(project, "Captured soldiers", TEXT);
        claim = span(EDITOR, article, TEXT, "200 soldiers were captured", "CLAIM");
        actor = span(EDITOR, article, TEXT, "Volodymyr Zelensky", "ACTOR");
        location = span(EDITOR, article, TEXT, "Kursk", "LOCATION");
    }

    @Test
    void relationTypesAreListedToMembersAndMadeByAdmins() {
        accounts.as(EDITOR).get("/api/projects/" + project + "/relation-types").then().statusCode(200)
                .body("items.key", equalTo(List.of("ATTRIBUTED_TO", "LOCATED_IN")))
                .body("items[0].from", equalTo(List.of("CLAIM"))).body("items[0].to", equalTo(List.of("ACTOR")))
                .body("items[0].name", equalTo("Attributed to"));
        accounts.as(OUTSIDER).get("/api/projects/" + project + "/relation-types").then().statusCode(404);
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("key", "X", "from", List.of("CLAIM"), "to", List.of("ACTOR")))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(403);
        type("ATTRIBUTED_TO", List.of("CLAIM"), List.of("ACTOR")).then().statusCode(409).body("error", equalTo("duplicate"));
        type("CAUSES", List.of("CLAIM"), List.of("EVENT")).then().statusCode(400).body("field", equalTo("to"))
                .body("message", containsString("no label \"EVENT\""));
        type("EMPTY", List.of(), List.of("ACTOR")).then().statusCode(400).body("field", equalTo("from"));
        type("bad key!", List.of("CLAIM"), List.of("ACTOR")).then().statusCode(400).body("field", equalTo("key"));
    }

    @Test
    void theNewsPresetHasAttributedToAndLocatedIn() {
        long news = accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "News " + System.nanoTime(), "preset", "news"))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as(ADMIN).get("/api/projects/" + news + "/relation-types").then().statusCode(200)
                .body("items.key", equalTo(List.of("ATTRIBUTED_TO", "LOCATED_IN")))
                .body("items[1].to", equalTo(List.of("LOCATION")));
    }

    @Test
    void anEditorRelatesAClaimToItsSourceAndAnotherReviewerDecides() {
        JsonPath made = relate(EDITOR, "ATTRIBUTED_TO", claim, actor, "He said it on television.").then().statusCode(201)
                .header("Location", containsString("/api/relations/")).extract().jsonPath();
        long id = made.getLong("id");
        assertEquals(article, made.getLong("articleId"));
        assertEquals("ATTRIBUTED_TO", made.getString("type"));
        assertEquals(claim, made.getLong("fromId"));
        assertEquals(actor, made.getLong("toId"));
        assertEquals("SUBMITTED", made.getString("status"));
        assertEquals(EDITOR, made.getString("author"));
        relate(EDITOR, "LOCATED_IN", claim, location, null).then().statusCode(201);

        accounts.as(EDITOR2).get("/api/articles/" + article + "/relations").then().statusCode(200)
                .body("items.type", equalTo(List.of("ATTRIBUTED_TO", "LOCATED_IN"))).body("next", equalTo(null));
        accounts.as(OUTSIDER).get("/api/articles/" + article + "/relations").then().statusCode(404);
        accounts.as(OUTSIDER).get("/api/relations/" + id).then().statusCode(404);

        // The same relation again is a duplicate; another editor may make their own.
        relate(EDITOR, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(409).body("error", equalTo("duplicate"))
                .body("existingId", equalTo((int) id));
        relate(EDITOR2, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(201);

        // Four eyes: the author, even as a reviewer, cannot decide; a rejection says why.
        decide(REVIEWER, id, "REJECT", null).then().statusCode(400).body("field", equalTo("comment"));
        JsonPath rejected = decide(REVIEWER, id, "REJECT", "The quote is the ministry's, not his.").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals(REVIEWER, rejected.getString("reviewer"));
        decide(REVIEWER, id, "APPROVE", null).then().statusCode(409).body("error", equalTo("already_decided"));

        // The author fixes the note: back to review, then approved; a stale version is refused.
        int version = rejected.getInt("version");
        accounts.as(EDITOR2).contentType(ContentType.JSON).body(Map.of("note", "x")).put("/api/relations/" + id)
                .then().statusCode(403);
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("note", "Said on television.", "version", version - 1))
                .put("/api/relations/" + id).then().statusCode(409).body("error", equalTo("stale"));
        JsonPath fixed = accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("note", "Said on television.", "version", version))
                .put("/api/relations/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("SUBMITTED", fixed.getString("status"));
        assertEquals(null, fixed.getString("reviewer"));
        decide(REVIEWER, id, "APPROVE", null).then().statusCode(200).body("status", equalTo("APPROVED"));

        accounts.as(ADMIN).queryParam("entity", "relation").queryParam("id", id).get("/api/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("approve", "update", "reject", "create")));
    }

    @Test
    void relationChangesGoDownTheChangesFeedAndTheEventStreams() {
        long id = relate(EDITOR, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(201).extract().jsonPath().getLong("id");
        decide(REVIEWER, id, "APPROVE", null).then().statusCode(200);
        accounts.as(EDITOR).delete("/api/relations/" + id).then().statusCode(204);
        JsonPath feed = accounts.as(EDITOR2).get("/api/projects/" + project + "/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "decided", "deleted"), feed.getList("items.findAll { it.event == 'relation' }.type"));
        assertEquals(List.of((int) claim, (int) claim, (int) claim),
                feed.getList("items.findAll { it.event == 'relation' }.relation.fromId"));
    }

    @Test
    void theAuthorOfARelationCannotDecideOnIt() {
        long id = relate(BOTH, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(201).extract().jsonPath().getLong("id");
        decide(BOTH, id, "APPROVE", null).then().statusCode(403).body("message", containsString("four-eyes"));
    }

    @Test
    void relationsAreRefusedAcrossArticlesWithLabelsTheTypeDoesNotAllowAndToNonEditors() {
        long other = data.article(project, "Denial", OTHER);
        long peskov = span(EDITOR, other, OTHER, "Dmitry Peskov", "ACTOR");
        relate(EDITOR, "ATTRIBUTED_TO", claim, peskov, null).then().statusCode(400).body("field", equalTo("toId"))
                .body("message", containsString("one article"));
        relate(EDITOR, "ATTRIBUTED_TO", claim, location, null).then().statusCode(400).body("field", equalTo("toId"))
                .body("message", containsString("points to a span labelled ACTOR"));
        relate(EDITOR, "ATTRIBUTED_TO", actor, claim, null).then().statusCode(400).body("field", equalTo("fromId"));
        relate(EDITOR, "ATTRIBUTED_TO", claim, claim, null).then().statusCode(400).body("field", equalTo("toId"));
        relate(EDITOR, "CAUSES", claim, actor, null).then().statusCode(400).body("field", equalTo("type"));
        relate(EDITOR, "ATTRIBUTED_TO", claim, 987_654_321L, null).then().statusCode(404);
        relate(REVIEWER, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(403);
        relate(OUTSIDER, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(404);
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("type", "ATTRIBUTED_TO"))
                .post("/api/relations").then().statusCode(400).body("field", equalTo("fromId"));
    }

    @Test
    void aDeletedRelationOrEndLeavesTheList() {
        long id = relate(EDITOR, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(201).extract().jsonPath().getLong("id");
        relate(EDITOR, "LOCATED_IN", claim, location, null).then().statusCode(201);
        accounts.as(EDITOR2).delete("/api/relations/" + id).then().statusCode(403);
        accounts.as(EDITOR).delete("/api/relations/" + id).then().statusCode(204);
        accounts.as(EDITOR).get("/api/relations/" + id).then().statusCode(404);
        accounts.as(EDITOR).delete("/api/annotations/" + location).then().statusCode(204);
        accounts.as(EDITOR).get("/api/articles/" + article + "/relations").then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void theQueueListsWaitingRelationsOldestFirstWithTheirEndsAndInPages() {
        long first = relate(EDITOR, "ATTRIBUTED_TO", claim, actor, "He said it on television.").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long second = relate(BOTH, "LOCATED_IN", claim, location, null).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath queue = accounts.as(REVIEWER).queryParam("project", project).get("/api/review/relations").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) first, (int) second))).body("count", equalTo(2))
                .body("next", equalTo(null)).extract().jsonPath();
        assertEquals("ATTRIBUTED_TO", queue.getString("items[0].type"));
        assertEquals("Attributed to", queue.getString("items[0].typeName"));
        assertEquals("200 soldiers were captured", queue.getString("items[0].from.quote"));
        assertEquals("CLAIM", queue.getString("items[0].from.label"));
        assertEquals("Volodymyr Zelensky", queue.getString("items[0].to.quote"));
        assertEquals(actor, queue.getLong("items[0].to.id"));
        assertEquals("Captured soldiers", queue.getString("items[0].articleTitle"));
        assertEquals(EDITOR, queue.getString("items[0].author"));
        assertEquals(project, queue.getLong("items[0].projectId"));

        String next = accounts.as(REVIEWER).queryParam("project", project).queryParam("limit", 1).get("/api/review/relations")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) first))).extract().jsonPath().getString("next");
        accounts.as(REVIEWER).queryParam("project", project).queryParam("limit", 1).queryParam("after", next)
                .get("/api/review/relations").then().statusCode(200).body("items.id", equalTo(List.of((int) second)));
        accounts.as(REVIEWER).queryParam("project", project).queryParam("author", BOTH).get("/api/review/relations").then()
                .statusCode(200).body("items.id", equalTo(List.of((int) second)));
        accounts.as(REVIEWER).queryParam("after", "nonsense").get("/api/review/relations").then().statusCode(400)
                .body("field", equalTo("after"));
        accounts.as(EDITOR).get("/api/review/relations").then().statusCode(403);
        accounts.as(OUTSIDER).queryParam("project", project).get("/api/review/relations").then().statusCode(200)
                .body("items", equalTo(List.of())).body("count", equalTo(0));

        // Decided, or an end deleted: out of the queue.
        decide(REVIEWER, first, "APPROVE", null).then().statusCode(200);
        accounts.as(EDITOR).delete("/api/annotations/" + location).then().statusCode(204);
        accounts.as(REVIEWER).queryParam("project", project).get("/api/review/relations").then().statusCode(200)
                .body("items", equalTo(List.of())).body("count", equalTo(0));
    }

    @Test
    void theQueuePageShowsRelationRowsAndAReviewersOwnWithoutButtons() {
        long theirs = relate(EDITOR, "ATTRIBUTED_TO", claim, actor, null).then().statusCode(201).extract().jsonPath().getLong("id");
        long mine = relate(BOTH, "LOCATED_IN", claim, location, null).then().statusCode(201).extract().jsonPath().getLong("id");
        String session = TestAccounts.session(BOTH);
        // The spans are decided: the span queue is empty, the relations between them still wait.
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("ids", List.of(claim, actor, location), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(200);

        String spans = page(session, "/review?project=" + project);
        assertTrue(spans.contains("href=\"/review/relations?project=" + project + "\" class=\"tab\" id=\"relations-tab\">Relations <span class=\"count\">2</span>"),
                "the span queue links to the relations waiting, with their count");
        assertTrue(spans.contains("id=\"relations-waiting\">2 relations wait for review</a>"),
                "with no span waiting, the empty queue points to them");

        String html = page(session, "/review/relations?project=" + project);
        String theirRow = row(html, theirs);
        assertTrue(theirRow.contains("200 soldiers were captured</mark>"), theirRow);
        assertTrue(theirRow.contains("—Attributed to→"), theirRow);
        assertTrue(theirRow.contains("Volodymyr Zelensky</mark>"), theirRow);
        assertTrue(theirRow.contains("data-act=\"approve\"") && theirRow.contains("data-act=\"reject\""), theirRow);
        assertTrue(theirRow.contains("Captured soldiers"), theirRow);
        String myRow = row(html, mine);
        assertTrue(myRow.contains("class=\"queue-row mine\""), myRow);
        assertTrue(myRow.contains("Yours: another reviewer decides."), myRow);
        assertFalse(myRow.contains("data-act="), "no buttons on one's own relation: " + myRow);
        assertTrue(html.contains("src=\"/js/relationQueue.js\""));

        assertTrue(page(session, "/review/relations?project=abc").contains("Project must be a number"));
        decide(REVIEWER, theirs, "APPROVE", null).then().statusCode(200);
        decide(REVIEWER, mine, "REJECT", "Kursk is not where it was said.").then().statusCode(200);
        String empty = page(session, "/review/relations?project=" + project);
        assertTrue(empty.contains("id=\"queue-empty\"") && empty.contains("No relation is waiting for review"), empty);
        given().cookie("gloss-session", TestAccounts.session(EDITOR)).redirects().follow(false).get("/review/relations")
                .then().statusCode(403);
    }

    static String page(String session, String path) {
        return given().cookie("gloss-session", session).get(path).then().statusCode(200).extract().asString();
    }

    /** A relation row of the queue page, from its opening tag to its end. */
    static String row(String html, long id) {
        int start = html.lastIndexOf("<tr", html.indexOf("id=\"relation-row-" + id + "\""));
        assertTrue(start >= 0, "row of relation " + id);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    io.restassured.response.Response type(String key, List<String> from, List<String> to) {
        return accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("key", key, "from", from, "to", to))
                .post("/api/projects/" + project + "/relation-types");
    }

    long span(String user, long articleId, String text, String quote, String label) {
        return accounts.as(user).contentType(ContentType.JSON).body(TestData.span(articleId, text, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    io.restassured.response.Response relate(String user, String type, long from, long to, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "fromId", from, "toId", to));
        if (note != null) {
            body.put("note", note);
        }
        return accounts.as(user).contentType(ContentType.JSON).body(body).post("/api/relations");
    }

    io.restassured.response.Response decide(String user, long id, String decision, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (comment != null) {
            body.put("comment", comment);
        }
        return accounts.as(user).contentType(ContentType.JSON).body(body).post("/api/relations/" + id + "/decision");
    }
}
