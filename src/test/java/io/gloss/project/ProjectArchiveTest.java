package io.gloss.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An archived project (issue 18) is read-only: every kind of write in it is a 409
 * {@code project_archived} with the same sentence, every read still works, and unarchiving (the
 * one change it takes) brings the writes back. Both are audited.
 */
@QuarkusTest
class ProjectArchiveTest {

    static final String ADMIN = "arc-admin";
    static final String EDITOR = "arc-editor";
    static final String REVIEWER = "arc-reviewer";
    static final String OUTSIDER = "arc-outsider";
    static final String TEXT = "Zelensky spoke in Kyiv on Sunday.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    String name;
    long article;
    long span;
    long assignment;

    @BeforeEach
    void fixture() {
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(OUTSIDER, "editor");
        project = data.project(EDITOR, REVIEWER);
        name = accounts.as(ADMIN).get("/api/projects/" + project).then().extract().jsonPath().getString("name");
        article = data.article(project, "Archived story", TEXT);
        span = accounts.as(EDITOR).contentType(ContentType.JSON).body(span(0, 8)).post("/api/annotations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assignment = accounts.assign(ADMIN, project, article, EDITOR);
    }

    /** One write of each kind, by someone who may make it while the project is active. */
    record Write(String what, String user, Function<RequestSpecification, Response> call) {
    }

    List<Write> writes() {
        String p = "/api/projects/" + project;
        String json = "application/json";
        return List.of(
                new Write("annotate", EDITOR, r -> r.contentType(json).body(span(9, 14)).post("/api/annotations")),
                new Write("edit a span", EDITOR, r -> r.contentType(json).body(Map.of("note", "n", "version", 0))
                        .put("/api/annotations/" + span)),
                new Write("delete a span", EDITOR, r -> r.delete("/api/annotations/" + span)),
                new Write("review", REVIEWER, r -> r.contentType(json).body(Map.of("decision", "APPROVE"))
                        .post("/api/annotations/" + span + "/decision")),
                new Write("correct a label", REVIEWER, r -> r.contentType(json).body(Map.of("label", "CLAIM"))
                        .post("/api/annotations/" + span + "/label")),
                new Write("curate", REVIEWER, r -> r.post("/api/articles/" + article + "/curation/auto")),
                new Write("import one", ADMIN, r -> r.contentType(json).body(Map.of("title", "New", "text", "A new text."))
                        .post(p + "/articles")),
                new Write("import lines", ADMIN, r -> r.contentType("application/x-ndjson")
                        .body("{\"title\":\"Line\",\"text\":\"A line text.\"}\n".getBytes(StandardCharsets.UTF_8)).post(p + "/articles/import")),
                new Write("retire an article", ADMIN, r -> r.delete("/api/articles/" + article)),
                new Write("add a label", ADMIN, r -> r.contentType(json).body(Map.of("key", "ORG")).post(p + "/labels")),
                new Write("change a label", ADMIN, r -> r.contentType(json).body(Map.of("name", "Claims"))
                        .put(p + "/labels/CLAIM")),
                new Write("retire a label", ADMIN, r -> r.delete(p + "/labels/LOCATION")),
                new Write("add a member", ADMIN, r -> r.contentType(json).body(Map.of("username", OUTSIDER)).post(p + "/members")),
                new Write("remove a member", ADMIN, r -> r.delete(p + "/members/" + REVIEWER)),
                new Write("assign", ADMIN, r -> r.contentType(json).body(Map.of("editors", List.of(EDITOR)))
                        .post(p + "/assignments")),
                new Write("mark done", EDITOR, r -> r.contentType(json).body(Map.of("state", "DONE"))
                        .put("/api/assignments/" + assignment)),
                new Write("unassign", ADMIN, r -> r.delete("/api/assignments/" + assignment)),
                new Write("build a dataset", REVIEWER, r -> r.contentType(json)
                        .body(Map.of("projectId", project, "name", "Frozen", "format", "jsonl")).post("/api/datasets")),
                new Write("change settings", ADMIN, r -> r.contentType(json).body(Map.of("name", name, "blind", true)).put(p)),
                new Write("archive again", ADMIN, r -> r.contentType(json).body(Map.of("archived", true)).put(p)));
    }

    @Test
    void everyWriteIsRefusedWhileReadsWorkAndUnarchivingBringsThemBack() {
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("archived", true)).put("/api/projects/" + project)
                .then().statusCode(403);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("archived", true)).put("/api/projects/" + project)
                .then().statusCode(200).body("archived", equalTo(true)).body("archivedBy", equalTo(ADMIN))
                .body("archivedAt", notNullValue()).body("name", equalTo(name));

        String sentence = "Project “" + name + "” is archived; an admin can unarchive it on its settings page.";
        List<String> wrong = new ArrayList<>();
        for (Write write : writes()) {
            Response answer = write.call().apply(accounts.as(write.user()));
            if (answer.statusCode() != 409 || !"project_archived".equals(answer.jsonPath().getString("error"))
                    || !sentence.equals(answer.jsonPath().getString("message"))) {
                wrong.add(write.what() + ": " + answer.statusCode() + " " + answer.asString());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // Bulk decisions refuse item by item, with the same reason.
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("ids", List.of(span), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(409).body("results[0].error", equalTo("project_archived"));

        // Reads keep working, and nothing was written.
        accounts.as(EDITOR).get("/api/projects/" + project).then().statusCode(200).body("archived", equalTo(true))
                .body("labels.size()", equalTo(3));
        accounts.as(EDITOR).get("/api/projects/" + project + "/articles").then().statusCode(200).body("items.size()", equalTo(1));
        accounts.as(EDITOR).get("/api/articles/" + article).then().statusCode(200).body("retiredAt", nullValue());
        accounts.as(EDITOR).get("/api/articles/" + article + "/annotations").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("SUBMITTED"));
        accounts.as(REVIEWER).get("/api/review/queue?project=" + project).then().statusCode(200);
        accounts.as(REVIEWER).get("/api/projects/" + project + "/agreement").then().statusCode(200);
        accounts.as(REVIEWER).get("/api/articles/" + article + "/curation").then().statusCode(200);
        accounts.as(EDITOR).get("/api/projects/" + project + "/assignments").then().statusCode(200)
                .body("items[0].state", equalTo("ASSIGNED"));
        accounts.as(ADMIN).get("/api/projects/" + project + "/members").then().statusCode(200).body("items.size()", equalTo(2));

        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("archived", false)).put("/api/projects/" + project)
                .then().statusCode(200).body("archived", equalTo(false)).body("archivedBy", nullValue());
        accounts.as(EDITOR).contentType(ContentType.JSON).body(span(9, 14)).post("/api/annotations").then().statusCode(201);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("name", name, "blind", true))
                .put("/api/projects/" + project).then().statusCode(200).body("blind", equalTo(true));

        JsonPath audit = accounts.as(ADMIN).get("/api/audit?entity=project&id=" + project).then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = audit.getList("items.action");
        int archive = actions.indexOf("archive");
        int unarchive = actions.indexOf("unarchive");
        assertTrue(archive >= 0 && unarchive >= 0, actions.toString());
        assertEquals(false, audit.getBoolean("items[" + archive + "].before.archived"));
        assertEquals(true, audit.getBoolean("items[" + archive + "].after.archived"));
        assertEquals(ADMIN, audit.getString("items[" + archive + "].user"));
        assertEquals(true, audit.getBoolean("items[" + unarchive + "].before.archived"));
        assertEquals(false, audit.getBoolean("items[" + unarchive + "].after.archived"));
    }

    @Test
    void unarchivingWithOtherSettingsAppliesThemAfterwards() {
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("archived", true)).put("/api/projects/" + project)
                .then().statusCode(200);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("name", name, "annotatorsPerArticle", 2, "archived", false))
                .put("/api/projects/" + project).then().statusCode(200)
                .body("archived", equalTo(false)).body("annotatorsPerArticle", equalTo(2));
    }

    @Test
    void pagesArchiveUnarchiveAndSaySo() {
        String admin = TestAccounts.session(ADMIN);
        String settings = given().cookie("gloss-session", admin).get("/projects/" + project + "/settings").then()
                .statusCode(200).body(containsString("action=\"/projects/" + project + "/settings/archive\""))
                .body(containsString("data-confirm=\"Archive ")).extract().asString();
        String location = ProjectPagesTest.postForm(admin, settings, "/projects/" + project + "/settings/archive");
        assertTrue(URLDecoder.decode(location, StandardCharsets.UTF_8).contains("Archived “" + name + "”"), location);
        accounts.as(ADMIN).get("/api/projects/" + project).then().body("archived", equalTo(true));

        given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(containsString("id=\"archived-banner\"")).body(containsString("Archived by " + ADMIN))
                .body(not(containsString("Import articles"))).body(not(containsString("class=\"inline retire-article\"")));
        given().cookie("gloss-session", admin).get("/articles/" + article).then().statusCode(200)
                .body(containsString("id=\"archived-banner\""));
        String home = given().cookie("gloss-session", admin).get("/").then().statusCode(200).extract().asString();
        int details = home.indexOf("<details class=\"archived-projects\"");
        assertTrue(details > 0 && home.indexOf(name, details) > details, "listed apart, under Archived (n)");
        assertTrue(home.substring(details).contains("<summary>Archived ("));

        // A refused form goes back to its page with the reason.
        String labels = given().cookie("gloss-session", admin).get("/projects/" + project + "/labels").then().statusCode(200)
                .extract().asString();
        String labelsPath = "/projects/" + project + "/labels";
        String refused = given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .header("Referer", RestAssured.baseURI + ":" + RestAssured.port + labelsPath)
                .formParam("_csrf", ProjectPagesTest.csrf(labels)).formParam("key", "ORG").formParam("name", "Org")
                .post(labelsPath).then().statusCode(303).extract().header("Location");
        assertTrue(URLDecoder.decode(refused, StandardCharsets.UTF_8).contains("is archived; an admin can unarchive it"), refused);

        settings = given().cookie("gloss-session", admin).get("/projects/" + project + "/settings").then().statusCode(200)
                .body(containsString("data-confirm=\"Unarchive ")).extract().asString();
        location = ProjectPagesTest.postForm(admin, settings, "/projects/" + project + "/settings/unarchive");
        assertTrue(URLDecoder.decode(location, StandardCharsets.UTF_8).contains("Unarchived “" + name + "”"), location);
        given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(not(containsString("id=\"archived-banner\""))).body(containsString("Import articles"));
    }

    private Map<String, Object> span(int start, int end) {
        return Map.of("articleId", article, "label", "ACTOR", "start", start, "end", end, "quote", TEXT.substring(start, end));
    }
}
