package io.gloss.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.TestData;
import io.gloss.text.TextNormalizer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "importer", roles = "admin")
class ArticleImportTest {

    @Inject
    TestData data;

    long projectId;

    @BeforeEach
    void fixture() {
        projectId = data.project();
    }

    @Test
    void textIsNormalisedOnceAndHashed() {
        String raw = "Line one\r\nCafe\u0301 — “quoted”\r\n🇺🇦 end\r\n";
        String normalized = "Line one\nCafé — “quoted”\n🇺🇦 end\n";
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("title", "CRLF", "source", "Desk", "url", "https://example.org/a", "published", "2025-01-12", "text", raw))
                .post("/api/projects/" + projectId + "/articles").then().statusCode(201)
                .header("Location", containsString("/api/articles/"))
                .body("length", equalTo(normalized.codePointCount(0, normalized.length())))
                .body("sha256", equalTo(TextNormalizer.sha256(normalized)))
                .extract().jsonPath().getLong("id");
        String stored = given().get("/api/articles/" + id).then().statusCode(200)
                .body("title", equalTo("CRLF")).body("source", equalTo("Desk")).body("published", equalTo("2025-01-12"))
                .body("projectId", equalTo((int) projectId))
                .extract().jsonPath().getString("text");
        assertEquals(normalized, stored);
    }

    @Test
    void duplicateTextIs409WithTheExistingId() {
        long id = data.article(projectId, "First", "Same text.");
        given().contentType(ContentType.JSON).body(Map.of("title", "Again", "text", "Same text.\r\n".strip()))
                .post("/api/projects/" + projectId + "/articles").then().statusCode(409)
                .body("error", equalTo("duplicate")).body("existingId", equalTo((int) id));
        // The same text in another project is a separate article.
        long other = data.project();
        given().contentType(ContentType.JSON).body(Map.of("title", "Elsewhere", "text", "Same text."))
                .post("/api/projects/" + other + "/articles").then().statusCode(201);
    }

    @Test
    void emptyTextAndUnknownProjectAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Empty", "text", "  \n"))
                .post("/api/projects/" + projectId + "/articles").then().statusCode(400).body("field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Nowhere", "text", "x"))
                .post("/api/projects/987654321/articles").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void jsonLinesImportReportsEachBadLineAndKeepsTheGoodOnes() {
        String body = """
                {"title": "One", "source": "A", "text": "First article."}
                {"title": "Two", "text": "Second article 🇺🇦."}
                not json at all
                {"title": "No text"}
                {"title": "One again", "text": "First article."}

                {"title": "Three", "text": "Third\\r\\narticle."}
                {"title": "Broken", "text": "Half a pair \\ud800 here."}
                """;
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/articles/import").then().statusCode(200)
                .body("imported", equalTo(3)).body("duplicates", equalTo(1))
                .body("errors", hasSize(3))
                .body("errors[0].line", equalTo(3)).body("errors[0].message", notNullValue())
                .body("errors[1].line", equalTo(4)).body("errors[1].message", containsString("no text"))
                .body("errors[2].line", equalTo(8)).body("errors[2].message", not(containsString("Not a JSON object")));
        given().get("/api/projects/" + projectId + "/articles").then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void nonUtf8IsRefusedWithAClearMessage() {
        byte[] latin1 = "{\"title\": \"Café\", \"text\": \"Café\"}".getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("application/x-ndjson").body(latin1)
                .post("/api/projects/" + projectId + "/articles/import").then().statusCode(400)
                .body("error", equalTo("not_utf8")).body("message", containsString("UTF-8"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.XML).body("<a/>")
                .post("/api/projects/" + projectId + "/articles/import").then().statusCode(415)
                .body("error", equalTo("unsupported_media_type"));
    }

    @TestHTTPResource("/")
    URI base;

    /** The body limit is checked before the body is read; with 100-continue the client learns it before sending. */
    @Test
    void oversizedBodyIs413() throws Exception {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/projects/" + projectId + "/articles/import"))
                .header("Content-Type", "application/x-ndjson").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void articleListSearchesTitlesAndPaginates() {
        for (int i = 0; i < 5; i++) {
            data.article(projectId, "Kursk report " + i, "Body number " + i);
        }
        data.article(projectId, "Pyongyang reacts", "Other body");
        given().get("/api/projects/" + projectId + "/articles?q=kursk").then().statusCode(200).body("items", hasSize(5));
        String next = given().get("/api/projects/" + projectId + "/articles?limit=4").then().statusCode(200)
                .body("items", hasSize(4)).body("items[0].counts.all", equalTo(0))
                .extract().jsonPath().getString("next");
        given().get("/api/projects/" + projectId + "/articles?limit=4&after=" + next).then()
                .body("items", hasSize(2)).body("next", equalTo(null));
        given().get("/api/projects/" + projectId + "/articles?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        given().get("/api/projects/" + projectId + "/articles?after=zzz").then().statusCode(400).body("field", equalTo("after"));
    }

    @Test
    @TestSecurity(user = "someone", roles = "editor")
    void editorsDoNotImport() {
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "text", "y"))
                .post("/api/projects/" + projectId + "/articles").then().statusCode(403);
    }
}
