package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Script in labels, notes, titles and texts is shown as text on every page that shows it. */
@QuarkusTest
class HostileInputTest {

    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;


    static void assertInert(String html, String where) {
        assertFalse(html.contains("<script>alert"), where + ": a script element from user input");
        assertFalse(html.contains("<img src=x"), where + ": an element from user input");
    }

    @Test
    void scriptInLabelsNotesAndGuidelinesIsInertEverywhere() {
        accounts.ensure("hostile-admin", "admin", "reviewer");
        accounts.ensure("hostile-editor", "editor");
        long project = data.project("hostile-editor");
        accounts.as("hostile-admin").contentType(ContentType.JSON)
                .body(Map.of("key", "EVIL", "name", SCRIPT, "color", "#123456", "description", SCRIPT))
                .post("/api/projects/" + project + "/labels").then().statusCode(201);
        long article = data.article(project, SCRIPT, "Before " + SCRIPT + " after.");
        int start = "Before ".length();
        accounts.as("hostile-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "EVIL", "start", start, "end", start + SCRIPT.length(),
                        "quote", SCRIPT, "note", SCRIPT))
                .post("/api/annotations").then().statusCode(201).body("note", equalTo(SCRIPT));
        String editor = TestAccounts.session("hostile-editor");
        String reviewer = TestAccounts.session("hostile-admin");
        assertInert(given().cookie("gloss-session", editor).get("/projects/" + project).asString(), "project page");
        String articlePage = given().cookie("gloss-session", editor).get("/articles/" + article).asString();
        assertInert(articlePage, "annotation page");
        assertTrue(articlePage.contains("&lt;script&gt;"), "shown as text");
        assertInert(given().cookie("gloss-session", editor).get("/my-work").asString(), "my work");
        assertInert(given().cookie("gloss-session", reviewer).get("/review?project=" + project).asString(), "review queue");
        assertInert(given().cookie("gloss-session", reviewer).get("/audit").asString(), "audit");
        String found = given().cookie("gloss-session", editor).queryParam("q", "before after").get("/search").asString();
        assertInert(found, "search results");
        assertTrue(found.contains("<mark>Before</mark> &lt;script&gt;"), "a snippet's text shown as text around its marks");
        assertInert(given().cookie("gloss-session", editor).queryParam("q", SCRIPT).get("/search").asString(), "search for a script");
    }

    @Test
    void selfApprovalAndRoleEscalationChangeNothing() {
        accounts.ensure("hostile-both", "editor", "reviewer");
        long project = data.project("hostile-both");
        long article = data.article(project, "Self", "Kyiv spoke.");
        long id = accounts.as("hostile-both").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 0, "end", 4, "quote", "Kyiv"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("hostile-both").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + id + "/decision").then().statusCode(403);
        accounts.as("hostile-both").contentType(ContentType.JSON)
                .body(Map.of("username", "hostile-root", "password", "long-enough-1", "roles", java.util.List.of("admin")))
                .post("/api/users").then().statusCode(403);
        accounts.as("hostile-both").contentType(ContentType.JSON).body(Map.of("username", "hostile-both"))
                .post("/api/projects/" + project + "/members").then().statusCode(403);
        accounts.as("hostile-both").get("/api/annotations/" + id).then().body("status", equalTo("SUBMITTED"));
        given().auth().preemptive().basic("hostile-root", "long-enough-1").get("/api/me").then().statusCode(401);
    }
}
