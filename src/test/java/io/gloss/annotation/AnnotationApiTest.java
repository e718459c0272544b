package io.gloss.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnotationApiTest {

    static final String TEXT = "Президент 🇺🇦 Volodymyr Zelensky said “two soldiers” were held in Kyiv — café 👩‍👩‍👧 ok.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        projectId = data.project("ed", "ed2", "rev");
        articleId = data.article(projectId, "Offsets", TEXT);
    }

    static int cp(String text, String needle) {
        return text.codePointCount(0, text.indexOf(needle));
    }

    Map<String, Object> span(String needle, String label) {
        int start = cp(TEXT, needle);
        Map<String, Object> body = new HashMap<>();
        body.put("articleId", articleId);
        body.put("label", label);
        body.put("start", start);
        body.put("end", start + needle.codePointCount(0, needle.length()));
        body.put("quote", needle);
        return body;
    }

    static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/annotations").then();
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void createAndReadBackWithExactCodePointOffsets() {
        int start = cp(TEXT, "Zelensky");
        long id = post(span("Zelensky", "ACTOR")).statusCode(201)
                .header("Location", containsString("/api/annotations/"))
                .body("start", equalTo(start)).body("end", equalTo(start + 8))
                .body("quote", equalTo("Zelensky")).body("label", equalTo("ACTOR"))
                .body("status", equalTo("SUBMITTED")).body("author", equalTo("ed"))
                .body("version", equalTo(0)).body("reviewer", nullValue())
                .extract().jsonPath().getLong("id");
        // Python's TEXT[start:start+8]: the flag before it counts 2, Cyrillic letters 1 each.
        int[] codePoints = TEXT.codePoints().toArray();
        assertEquals("Zelensky", new String(codePoints, start, 8));
        given().get("/api/annotations/" + id).then().statusCode(200).body("quote", equalTo("Zelensky"));
        given().get("/api/articles/" + articleId + "/annotations").then().statusCode(200)
                .body("items", hasSize(1)).body("next", nullValue())
                .body("items[0].id", equalTo((int) id));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void spansWithEmojiCurlyQuotesAndOverlapsAreAccepted() {
        post(span("🇺🇦", "LOCATION")).statusCode(201).body("end", equalTo(cp(TEXT, "🇺🇦") + 2));
        post(span("“two soldiers”", "CLAIM")).statusCode(201);
        post(span("two soldiers", "ACTOR")).statusCode(201); // nested inside the claim
        post(span("café 👩‍👩‍👧", "LOCATION")).statusCode(201);
        post(span("Президент 🇺🇦 Volodymyr", "CLAIM")).statusCode(201); // overlaps the flag span
        given().get("/api/articles/" + articleId + "/annotations").then().body("items", hasSize(5));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void combiningMarksAndCrlfInputCountAfterNormalisation() {
        // Imported decomposed and with CRLF; stored composed (NFC) and with LF.
        long id = data.article(projectId, "Decomposed", "Cafe\u0301\r\nZelens\u030Cky\r\nend");
        String stored = "Café\nZelenšky\nend";
        int start = stored.codePointCount(0, stored.indexOf("Zelenšky"));
        assertEquals(5, start);
        Map<String, Object> body = new HashMap<>(Map.of("articleId", id, "label", "ACTOR", "start", start,
                "end", start + 8, "quote", "Zelenšky"));
        post(body).statusCode(201).body("quote", equalTo("Zelenšky"));
        body.put("quote", "Zelens\u030Cky"); // the decomposed spelling no longer matches the stored text
        body.put("label", "CLAIM");
        post(body).statusCode(400).body("field", equalTo("quote"));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void everyValidationRuleAnswers400WithTheField() {
        int n = TEXT.codePointCount(0, TEXT.length());
        Map<String, Object> body = span("Zelensky", "ACTOR");
        body.put("start", -1);
        post(body).statusCode(400).body("error", equalTo("invalid")).body("field", equalTo("start"));
        body = span("Zelensky", "ACTOR");
        body.put("end", n + 1);
        post(body).statusCode(400).body("field", equalTo("end")).body("message", containsString(String.valueOf(n)));
        body = span("Zelensky", "ACTOR");
        body.put("end", body.get("start"));
        post(body).statusCode(400).body("field", equalTo("end"));
        body = span("Zelensky", "ACTOR");
        body.put("quote", "Zelenskyy");
        post(body).statusCode(400).body("field", equalTo("quote"));
        // UTF-16 positions, as a careless browser would send them: caught by the quote check.
        body = span("Zelensky", "ACTOR");
        body.put("start", TEXT.indexOf("Zelensky"));
        body.put("end", TEXT.indexOf("Zelensky") + 8);
        post(body).statusCode(400).body("field", equalTo("quote")).body("message", containsString("code points"));
        post(span("Zelensky", "WEAPON")).statusCode(400).body("field", equalTo("label"));
        body = span("Zelensky", "ACTOR");
        body.remove("start");
        post(body).statusCode(400).body("field", equalTo("start"));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void labelKeysResolveWithinTheArticlesOwnProject() {
        long other = data.project("ed");
        long otherArticle = data.article(other, "Other", "Kyiv and Kursk.");
        Map<String, Object> body = span("Zelensky", "ACTOR");
        body.put("articleId", otherArticle);
        body.put("quote", "Kyiv");
        body.put("start", 0);
        body.put("end", 4);
        post(body).statusCode(201); // same key, the other project's own label
        given().get("/api/annotations/" + 999_999_999).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void malformedBodiesAreClear400s() {
        given().contentType(ContentType.JSON).body("{\"articleId\": ").post("/api/annotations").then().log().ifValidationFails()
                .statusCode(400).body("error", equalTo("malformed_json"));
        given().contentType(ContentType.JSON).body("{\"articleId\": \"abc\"}").post("/api/annotations").then()
                .statusCode(400).body("error", equalTo("malformed_json"));
        given().contentType(ContentType.TEXT).body("hello").post("/api/annotations").then()
                .statusCode(415).body("error", equalTo("unsupported_media_type"));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void exactDuplicateBySameAuthorIs409() {
        long id = post(span("Kyiv", "LOCATION")).statusCode(201).extract().jsonPath().getLong("id");
        post(span("Kyiv", "LOCATION")).statusCode(409).body("error", equalTo("duplicate"))
                .body("existingId", equalTo((int) id));
        post(span("Kyiv", "ACTOR")).statusCode(201); // another label is another annotation
    }

    @Test
    @TestSecurity(user = "outsider", roles = "editor")
    void nonMembersSeeNothing() {
        post(span("Kyiv", "LOCATION")).statusCode(404).body("error", equalTo("not_found"));
        given().get("/api/articles/" + articleId).then().statusCode(404);
        given().get("/api/articles/" + articleId + "/annotations").then().statusCode(404);
        given().get("/api/projects/" + projectId).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "rev", roles = "reviewer")
    void reviewersDoNotCreate() {
        post(span("Kyiv", "LOCATION")).statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void anonymousIs401() {
        post(span("Kyiv", "LOCATION")).statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void onlyTheAuthorEditsOrDeletes() {
        accounts.ensure("ed", "editor");
        accounts.ensure("ed2", "editor");
        long id = accounts.as("ed").contentType(ContentType.JSON).body(span("Kyiv", "LOCATION"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("ed2").contentType(ContentType.JSON).body(Map.of("label", "ACTOR", "version", 0))
                .put("/api/annotations/" + id).then().statusCode(403).body("message", containsString("ed"));
        accounts.as("ed2").delete("/api/annotations/" + id).then().statusCode(403);
        accounts.as("ed").get("/api/annotations/" + id).then().statusCode(200).body("label", equalTo("LOCATION"));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void updateChecksVersionAndOffsets() {
        long id = post(span("Kyiv", "LOCATION")).statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("label", "ACTOR", "note", "the city as actor", "version", 0))
                .put("/api/annotations/" + id).then().statusCode(200)
                .body("label", equalTo("ACTOR")).body("note", equalTo("the city as actor")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("label", "CLAIM", "version", 0))
                .put("/api/annotations/" + id).then().statusCode(409).body("error", equalTo("stale"))
                .body("current.version", equalTo(1)).body("current.label", equalTo("ACTOR"));
        Map<String, Object> move = new HashMap<>(span("Zelensky", "ACTOR"));
        move.put("version", 1);
        given().contentType(ContentType.JSON).body(move).put("/api/annotations/" + id).then().statusCode(200)
                .body("quote", equalTo("Zelensky")).body("version", equalTo(2));
        move.put("version", 2);
        move.put("quote", "wrong");
        given().contentType(ContentType.JSON).body(move).put("/api/annotations/" + id).then().statusCode(400)
                .body("field", equalTo("quote"));
        given().contentType(ContentType.JSON).body(Map.of("label", "ACTOR"))
                .put("/api/annotations/" + id).then().statusCode(400).body("field", equalTo("version"));
    }

    @Test
    @TestSecurity(user = "ed", roles = "editor")
    void deleteIsSoftAndHidesTheAnnotation() {
        long id = post(span("Kyiv", "LOCATION")).statusCode(201).extract().jsonPath().getLong("id");
        given().delete("/api/annotations/" + id).then().statusCode(204);
        given().get("/api/annotations/" + id).then().statusCode(404);
        given().delete("/api/annotations/" + id).then().statusCode(404);
        given().get("/api/articles/" + articleId + "/annotations").then().body("items", hasSize(0));
        assertNotNull(Annotation.<Annotation>findById(id).deletedAt); // the row stays
        post(span("Kyiv", "LOCATION")).statusCode(201).body("id", notNullValue()); // may be tagged again
    }

    /**
     * A rejected span goes back to review only when its author says so: revising it with
     * {@code resubmit: false} keeps it rejected (and its rejection thread), {@code resubmit: true}
     * resubmits it even with nothing else changed; an old client that leaves the field out still
     * resubmits by any change.
     */
    @Test
    void aRejectedSpanIsResubmittedOnlyWhenAsked() {
        accounts.ensure("ed", "editor");
        accounts.ensure("rev", "reviewer");
        long id = accounts.as("ed").contentType(ContentType.JSON).body(span("Kyiv", "LOCATION"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        reject(id, 0);
        accounts.as("ed").contentType(ContentType.JSON)
                .body(Map.of("label", "ACTOR", "note", "the city as actor", "version", 1, "resubmit", false))
                .put("/api/annotations/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("label", equalTo("ACTOR"))
                .body("reviewer", equalTo("rev")).body("comment", equalTo("Tag the region")).body("version", equalTo(2));
        accounts.as("ed").contentType(ContentType.JSON).body(Map.of("version", 2, "resubmit", true))
                .put("/api/annotations/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("label", equalTo("ACTOR")).body("version", equalTo(3));
        accounts.as("ed").get("/api/annotations/" + id).then().statusCode(200)
                .body("history.to", org.hamcrest.Matchers.contains("SUBMITTED", "REJECTED", "SUBMITTED"))
                .body("history[2].comment", equalTo("resubmitted by its author"));

        reject(id, 3);
        accounts.as("ed").contentType(ContentType.JSON).body(Map.of("note", "an old client's edit", "version", 4))
                .put("/api/annotations/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    /** An approved span was approved as it was: a change sends it back to review whatever resubmit says. */
    @Test
    void anApprovedSpanChangedGoesBackToReview() {
        accounts.ensure("ed", "editor");
        accounts.ensure("rev", "reviewer");
        long id = accounts.as("ed").contentType(ContentType.JSON).body(span("Kyiv", "LOCATION"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("rev").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "version", 0))
                .post("/api/annotations/" + id + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));
        accounts.as("ed").contentType(ContentType.JSON).body(Map.of("version", 1, "resubmit", false))
                .put("/api/annotations/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("version", equalTo(1)); // nothing changed
        accounts.as("ed").contentType(ContentType.JSON).body(Map.of("label", "ACTOR", "version", 1, "resubmit", false))
                .put("/api/annotations/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    /** Boundaries move by PUT, in code points: the id and the history stay; UTF-16 offsets are refused. */
    @Test
    void boundariesMoveInCodePointsKeepingTheIdAndHistory() {
        accounts.ensure("ed", "editor");
        accounts.ensure("rev", "reviewer");
        long id = accounts.as("ed").contentType(ContentType.JSON).body(span("Zelensky", "ACTOR"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        reject(id, 0);
        Map<String, Object> wider = new HashMap<>(span("Volodymyr Zelensky", "ACTOR"));
        wider.remove("articleId");
        wider.put("version", 1);
        wider.put("resubmit", false);
        Map<String, Object> utf16 = new HashMap<>(wider);
        utf16.put("start", TEXT.indexOf("Volodymyr"));
        utf16.put("end", TEXT.indexOf("Volodymyr") + "Volodymyr Zelensky".length());
        accounts.as("ed").contentType(ContentType.JSON).body(utf16).put("/api/annotations/" + id).then()
                .statusCode(400).body("field", equalTo("quote"));
        accounts.as("ed").contentType(ContentType.JSON).body(wider).put("/api/annotations/" + id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("quote", equalTo("Volodymyr Zelensky"))
                .body("start", equalTo(cp(TEXT, "Volodymyr"))).body("status", equalTo("REJECTED"))
                .body("comment", equalTo("Tag the region"));
        accounts.as("ed").get("/api/annotations/" + id).then().body("history", hasSize(2));
    }

    void reject(long id, int version) {
        accounts.as("rev").contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "comment", "Tag the region", "version", version))
                .post("/api/annotations/" + id + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
    }

}
