package io.gloss.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.suggestion.CorpusArticles.Place;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Label all occurrences" on the shared corpus, whose three articles name Russia 12, 6 and 3
 * times, and Russian besides: the places are checked against a regular expression over the
 * stored text, a second, independent reading of "whole word".
 */
@QuarkusTest
class SuggestionApiTest {

    /** Russia as a whole word: no Unicode letter, digit or mark on either side (never "Russian"). */
    private static final Pattern RUSSIA = Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])Russia(?![\\p{L}\\p{N}\\p{M}])");

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    List<Long> articles;
    List<List<Place>> russia;

    @BeforeEach
    void corpus() throws IOException {
        accounts.ensure("sg-ed1", "editor");
        accounts.ensure("sg-ed2", "editor");
        accounts.ensure("sg-rev", "reviewer");
        accounts.ensure("sg-out", "editor");
        accounts.ensure("sg-admin", "admin");
        project = data.project("sg-ed1", "sg-ed2", "sg-rev");
        CorpusArticles corpus = CorpusArticles.into(project, data, accounts, "sg-ed1");
        articles = corpus.ids;
        russia = corpus.places(RUSSIA);
        assertTrue(corpus.texts.stream().allMatch(t -> t.contains("Russian")),
                "every article also says Russian, which is no occurrence of Russia");
        assertEquals(3, articles.size());
        assertTrue(russia.get(0).size() >= 5 && russia.get(1).size() >= 3 && !russia.get(2).isEmpty(), russia.toString());
    }

    private long tag(String editor, int article, int occurrence, String label) {
        Place at = russia.get(article).get(occurrence);
        return accounts.as(editor).contentType(ContentType.JSON).body(Map.of("articleId", articles.get(article), "label", label,
                        "start", at.start(), "end", at.end(), "quote", "Russia"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private int occurrences(String editor, long annotation, String scope) {
        return accounts.as(editor).contentType(ContentType.JSON).body(Map.of("scope", scope))
                .post("/api/annotations/" + annotation + "/occurrences").then().statusCode(200).extract().path("created");
    }

    private JsonPath suggestions(String editor, int article) {
        return accounts.as(editor).get("/api/articles/" + articles.get(article) + "/suggestions").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void occurrencesAreWholeWordsOfTheArticleThenOfTheProjectAndNeverTheEditorsOwnSpans() {
        long source = tag("sg-ed1", 0, 0, "LOCATION");
        tag("sg-ed1", 0, 1, "LOCATION");
        tag("sg-ed1", 0, 2, "ACTOR"); // another label: still proposed as LOCATION
        List<Place> expected = new ArrayList<>(russia.get(0).subList(2, russia.get(0).size()));

        assertEquals(expected.size(), occurrences("sg-ed1", source, "article"));
        JsonPath listed = suggestions("sg-ed1", 0);
        assertEquals(expected, CorpusArticles.listed(listed, null));
        assertEquals("LOCATION", listed.getString("items[0].label"));
        assertEquals("Russia", listed.getString("items[0].quote"));
        assertEquals("OCCURRENCE", listed.getString("items[0].source"));
        assertEquals(1.0f, listed.getFloat("items[0].score"));
        assertNull(listed.get("items[0].entityId"));
        assertTrue(CorpusArticles.listed(suggestions("sg-ed1", 1), null).isEmpty(), "scope article stays in the article");

        assertEquals(0, occurrences("sg-ed1", source, "article"), "no second suggestion of an open one");
        assertEquals(russia.get(1).size() + russia.get(2).size(), occurrences("sg-ed1", source, "project"));
        assertEquals(russia.get(1), CorpusArticles.listed(suggestions("sg-ed1", 1), null));
        assertEquals(russia.get(2), CorpusArticles.listed(suggestions("sg-ed1", 2), null));
        assertEquals(expected, CorpusArticles.listed(suggestions("sg-ed1", 0), null));
        assertTrue(CorpusArticles.listed(suggestions("sg-ed2", 0), null).isEmpty(), "proposed to their author only");
    }

    @Test
    void acceptMakesTheEditorsAnnotationWithItsOrigin() {
        long source = tag("sg-ed1", 0, 0, "LOCATION");
        occurrences("sg-ed1", source, "article");
        long first = suggestions("sg-ed1", 0).getLong("items[0].id");
        Place at = russia.get(0).get(1);

        var response = accounts.as("sg-ed1").post("/api/suggestions/" + first + "/accept").then().statusCode(201).extract();
        JsonPath accepted = response.jsonPath();
        assertEquals("sg-ed1", accepted.getString("author"));
        assertEquals("LOCATION", accepted.getString("label"));
        assertEquals(at.start(), accepted.getInt("start"));
        assertEquals(at.end(), accepted.getInt("end"));
        assertEquals("SUBMITTED", accepted.getString("status"), "it goes to review like any span");
        assertEquals("OCCURRENCE", accepted.getString("origin"));
        long id = accepted.getLong("id");
        assertTrue(response.header("Location").endsWith("/api/annotations/" + id));
        accounts.as("sg-ed1").get("/api/annotations/" + id).then().statusCode(200).body("origin", Matchers.is("OCCURRENCE"));
        accounts.as("sg-ed1").get("/api/annotations/" + source).then().statusCode(200)
                .body("origin", Matchers.nullValue());
        accounts.as("sg-ed1").get("/api/articles/" + articles.get(0) + "/annotations").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.origin", Matchers.is("OCCURRENCE"));
        assertFalse(CorpusArticles.listed(suggestions("sg-ed1", 0), null).contains(at), "the editor has that span now");
        accounts.as("sg-ed1").post("/api/suggestions/" + first + "/accept").then().statusCode(409)
                .body("error", Matchers.is("duplicate"));
    }

    @Test
    void rejectHidesItFromThatEditorOnly() {
        long mine = tag("sg-ed1", 0, 0, "LOCATION");
        long theirs = tag("sg-ed2", 0, 0, "LOCATION");
        occurrences("sg-ed1", mine, "article");
        occurrences("sg-ed2", theirs, "article");
        Place at = russia.get(0).get(1);
        long suggestion = suggestions("sg-ed1", 0).getLong("items[0].id");

        accounts.as("sg-ed1").post("/api/suggestions/" + suggestion + "/reject").then().statusCode(204);
        accounts.as("sg-ed1").post("/api/suggestions/" + suggestion + "/reject").then().statusCode(204);
        assertFalse(CorpusArticles.listed(suggestions("sg-ed1", 0), null).contains(at));
        assertEquals(0, occurrences("sg-ed1", mine, "article"), "never proposed to that editor again");
        assertFalse(CorpusArticles.listed(suggestions("sg-ed1", 0), null).contains(at));
        assertTrue(CorpusArticles.listed(suggestions("sg-ed2", 0), null).contains(at), "another editor still has it");

        JsonPath audited = accounts.as("sg-admin").get("/api/audit?project=" + project + "&entity=suggestion").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("reject"), audited.getList("items.action"), "said twice, recorded once");
        assertEquals(List.of("sg-ed1"), audited.getList("items.user"));
        assertEquals(at.start(), audited.getInt("items[0].before.start"));
        JsonPath labelled = accounts.as("sg-admin").get("/api/audit?project=" + project + "&action=label_occurrences").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(theirs, mine), labelled.getList("items.entityId", Long.class));
        assertEquals("article", labelled.getString("items[1].after.scope"));
    }

    @Test
    void rolesMembershipAndBadRequests() {
        long source = tag("sg-ed1", 0, 0, "LOCATION");
        occurrences("sg-ed1", source, "article");
        long suggestion = suggestions("sg-ed1", 0).getLong("items[0].id");
        String list = "/api/articles/" + articles.get(0) + "/suggestions";

        accounts.as("sg-rev").get(list).then().statusCode(403);
        accounts.as("sg-out").get(list).then().statusCode(404);
        accounts.as("sg-out").post("/api/suggestions/" + suggestion + "/accept").then().statusCode(404);
        accounts.as("sg-ed2").post("/api/suggestions/" + suggestion + "/accept").then().statusCode(404);
        accounts.as("sg-ed2").post("/api/suggestions/" + suggestion + "/reject").then().statusCode(404);
        accounts.as("sg-rev").post("/api/suggestions/" + suggestion + "/reject").then().statusCode(403);
        accounts.as("sg-ed1").post("/api/suggestions/999999999/accept").then().statusCode(404)
                .body("message", Matchers.containsString("Suggestion 999999999"));
        accounts.as("sg-ed2").contentType(ContentType.JSON).body(Map.of("scope", "article"))
                .post("/api/annotations/" + source + "/occurrences").then().statusCode(403)
                .body("message", Matchers.containsString("Only sg-ed1"));
        accounts.as("sg-out").contentType(ContentType.JSON).body(Map.of("scope", "article"))
                .post("/api/annotations/" + source + "/occurrences").then().statusCode(404);
        for (String body : List.of("{}", "{\"scope\": \"world\"}")) {
            accounts.as("sg-ed1").contentType(ContentType.JSON).body(body).post("/api/annotations/" + source + "/occurrences")
                    .then().statusCode(400).body("message", Matchers.containsString("scope is required"));
        }
    }

    @Test
    void suggestionsAreNeverExportedNorInTheReviewQueue() throws Exception {
        long source = tag("sg-ed1", 0, 0, "LOCATION");
        assertTrue(occurrences("sg-ed1", source, "project") > 3);
        long accepted = accounts.as("sg-ed1").post("/api/suggestions/" + suggestions("sg-ed1", 0).getLong("items[0].id")
                + "/accept").then().statusCode(201).extract().jsonPath().getLong("id");
        Set<Long> annotations = Set.of(source, accepted);

        List<Long> queued = accounts.as("sg-rev").get("/api/review/queue?project=" + project).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        assertEquals(annotations, Set.copyOf(queued));

        long dataset = accounts.as("sg-rev").contentType(ContentType.JSON).body(Map.of("projectId", project, "name", "all",
                "format", "jsonl", "statuses", List.of("SUBMITTED", "APPROVED", "REJECTED")))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        String state;
        while (!(state = accounts.as("sg-rev").get("/api/datasets/" + dataset).then().statusCode(200).extract()
                .path("state")).equals("DONE")) {
            assertFalse(state.equals("FAILED") || System.currentTimeMillis() > deadline, "dataset " + state);
            Thread.sleep(50);
        }
        String jsonl = accounts.as("sg-rev").get("/api/datasets/" + dataset + "/files/dataset.jsonl").then().statusCode(200)
                .extract().asString();
        Set<Long> exported = new HashSet<>();
        for (String line : jsonl.split("\n")) {
            exported.addAll(JsonPath.from(line).getList("spans.id", Long.class));
        }
        assertEquals(annotations, exported);
    }
}
