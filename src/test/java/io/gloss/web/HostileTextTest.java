package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.article.Article;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links that run script, text that is not Unicode, texts without an end: refused with a 400 naming the field. */
@QuarkusTest
class HostileTextTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;

    @BeforeEach
    void fixture() {
        accounts.ensure("text-admin", "admin", "reviewer", "editor");
        accounts.ensure("text-editor", "editor");
        project = data.project("text-admin", "text-editor");
    }

    private Response post(String user, String path, String json) {
        return accounts.as(user).contentType(ContentType.JSON).body(json).post(path);
    }

    @Test
    void onlyHttpUrlsAreStoredForArticles() {
        for (String url : List.of("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:x", "//evil.example/a", "ftp://example.org/a", "https://")) {
            accounts.as("text-admin").contentType(ContentType.JSON)
                    .body(Map.of("title", "Link", "url", url, "text", "A text with a link " + url.hashCode()))
                    .post("/api/projects/" + project + "/articles").then().statusCode(400).body("field", equalTo("url"));
        }
        accounts.as("text-admin").contentType(ContentType.JSON)
                .body(Map.of("title", "Link", "url", "https://example.org/news?id=1", "text", "A text with a good link."))
                .post("/api/projects/" + project + "/articles").then().statusCode(201);
        accounts.as("text-admin").contentType("application/x-ndjson")
                .body(("{\"title\":\"Bad\",\"url\":\"javascript:alert(1)\",\"text\":\"Imported with a bad link.\"}\n"
                        + "{\"title\":\"Good\",\"url\":\"http://example.org/b\",\"text\":\"Imported with a good link.\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/articles/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("errors", hasSize(1)).body("errors[0].line", equalTo(1))
                .body("errors[0].message", containsString("url"));
    }

    @Test
    void aStoredUrlThatIsNotHttpIsShownAsText() {
        long article = data.article(project, "Old", "An article from before the check.");
        QuarkusTransaction.requiringNew().run(() -> Article.update("url = ?1 where id = ?2", "javascript:alert(1)", article));
        String page = given().cookie("gloss-session", TestAccounts.session("text-editor")).get("/articles/" + article)
                .then().statusCode(200).extract().asString();
        assertFalse(page.contains("href=\"javascript:"), "a javascript: link");
        assertTrue(page.contains("javascript:alert(1)"), "the address is shown as text");
    }

    @Test
    void loneSurrogatesAndNulAreRefusedInEveryTextField() {
        long article = data.article(project, "Unicode", "Kyiv spoke.");
        String[][] cases = {
            {"/api/annotations", "{\"articleId\":" + article + ",\"label\":\"LOCATION\",\"start\":0,\"end\":4,\"quote\":\"Kyiv\",\"note\":\"a\\ud800b\"}", "note"},
            {"/api/annotations", "{\"articleId\":" + article + ",\"label\":\"LOCATION\",\"start\":0,\"end\":4,\"quote\":\"Kyiv\",\"note\":\"a\\u0000b\"}", "note"},
            {"/api/projects/" + project + "/labels", "{\"key\":\"ODD\",\"name\":\"\\udc00\"}", "name"},
            {"/api/projects/" + project + "/articles", "{\"title\":\"T\",\"text\":\"Text \\ud83d alone.\"}", "text"},
            {"/api/projects/" + project + "/articles", "{\"title\":\"T\\u0000\",\"text\":\"Text with a NUL title.\"}", "title"},
            {"/api/projects", "{\"name\":\"Odd\",\"description\":\"\\udfff\"}", "description"},
            {"/api/datasets", "{\"projectId\":" + project + ",\"name\":\"d\",\"format\":\"jsonl\",\"labels\":[\"\\ud800\"]}", "labels.0"},
        };
        for (String[] c : cases) {
            Response r = post("text-admin", c[0], c[1]);
            assertEquals(400, r.statusCode(), c[1] + ": " + r.asString());
            assertEquals(c[2], r.jsonPath().getString("field"), c[1]);
        }
        // Article text: control characters other than tab and line breaks are refused too.
        post("text-admin", "/api/projects/" + project + "/articles", "{\"title\":\"Bell\",\"text\":\"Ring \\u0007 the bell.\"}")
                .then().statusCode(400).body("field", equalTo("text"));
        post("text-admin", "/api/projects/" + project + "/articles", "{\"title\":\"Tabs\",\"text\":\"Tab\\there,\\r\\nline.\"}")
                .then().statusCode(201);
        // A JSON Lines line with such a text fails itself only.
        accounts.as("text-admin").contentType("application/x-ndjson")
                .body("{\"title\":\"Bad\",\"text\":\"Lone \\ud800 surrogate.\"}\n{\"title\":\"Good\",\"text\":\"A good line.\"}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/articles/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("errors[0].line", equalTo(1));
        // The import form: NUL is refused there too.
        String admin = TestAccounts.session("text-admin");
        String token = HostileNumbersTest.csrf(given().cookie("gloss-session", admin).get("/projects/" + project).asString());
        given().cookie("gloss-session", admin).contentType(ContentType.URLENC).formParam("_csrf", token)
                .formParam("title", "Pasted").formParam("text", "Pasted\u0000text.")
                .redirects().follow(true).post("/projects/" + project + "/import/text").then().statusCode(200)
                .body(containsString("0 imported"))
                .body(containsString("Line 1: text contains the control character U+0000"));
    }

    @Test
    void nulInAQueryOrPathParameterIsA400() {
        accounts.as("text-admin").queryParam("q", "a\u0000b").get("/api/projects/" + project + "/articles").then()
                .statusCode(400).body("field", equalTo("q"));
        accounts.as("text-admin").queryParam("author", "\u0000").get("/api/review/queue").then().statusCode(400)
                .body("field", equalTo("author"));
        accounts.as("text-admin").delete("/api/projects/{p}/members/{u}", project, "a\u0000b").then().statusCode(400)
                .body("field", equalTo("username"));
    }

    @Test
    void everyTextFieldHasALimitNamedInTheAnswer() {
        long article = data.article(project, "Limits", "Kyiv spoke.");
        long annotation = post("text-editor", "/api/annotations",
                "{\"articleId\":" + article + ",\"label\":\"LOCATION\",\"start\":0,\"end\":4,\"quote\":\"Kyiv\"}")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Object[][] cases = {
            {"/api/projects", Map.of("name", "Long description", "description", "d".repeat(10_001)), "description", "10000"},
            {"/api/projects", Map.of("name", "Long guidelines", "guidelines", "g".repeat(100_001)), "guidelines", "100000"},
            {"/api/projects/" + project + "/labels", Map.of("key", "LONGDESC", "description", "d".repeat(2_001)), "description", "2000"},
            {"/api/annotations/" + annotation + "/decision", Map.of("decision", "REJECT", "comment", "c".repeat(10_001)), "comment", "10000"},
            {"/api/decisions", Map.of("ids", List.of(annotation), "decision", "REJECT", "comment", "c".repeat(10_001)), "comment", "10000"},
        };
        for (Object[] c : cases) {
            Response r = accounts.as("text-admin").contentType(ContentType.JSON).body(c[1]).post((String) c[0]);
            assertEquals(400, r.statusCode(), c[0] + " " + c[2] + ": " + r.asString());
            assertEquals(c[2], r.jsonPath().getString("field"), (String) c[0]);
            assertTrue(r.jsonPath().getString("message").replace(",", "").contains((String) c[3]), r.asString());
            assertTrue(r.asString().length() < 300, "the long value is echoed");
        }
        accounts.as("text-admin").get("/api/annotations/" + annotation).then().body("status", equalTo("SUBMITTED"));
    }
}
