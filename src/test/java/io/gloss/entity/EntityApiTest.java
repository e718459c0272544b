package io.gloss.entity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.project.ProjectPagesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entities as a newsroom uses them on the shared corpus: every spelling of Zelensky tagged ACTOR
 * and linked to one entity, found again by near spellings; claims carrying figures; duplicates
 * merged (audited); and what is refused.
 */
@QuarkusTest
class EntityApiTest {

    static final String EDITOR = "ent-editor";
    static final String EDITOR2 = "ent-editor2";
    static final String REVIEWER = "ent-reviewer";
    static final String ADMIN = "ent-admin";
    static final String OUTSIDER = "ent-outsider";

    /** The spellings of the corpus (Zelensky, Zelenskyy) and the wire services' third one. */
    static final Pattern ZELENSKY = Pattern.compile("Zelensk(?:yy|iy|y)");

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;

    @BeforeEach
    void fixture() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(EDITOR2, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(OUTSIDER, "editor", "reviewer");
        project = data.project(EDITOR, EDITOR2, REVIEWER);
    }

    RequestSpecification as(String user) {
        return accounts.as(user).contentType(ContentType.JSON);
    }

    long article(String title, String raw) {
        return as(ADMIN).body(Map.of("title", title, "text", raw)).post("/api/projects/" + project + "/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A span of the occurrence of {@code quote} at {@code utf16Start} (TestData.span takes the first). */
    static Map<String, Object> spanAt(long article, String text, int utf16Start, String quote, String label) {
        int start = text.codePointCount(0, utf16Start);
        Map<String, Object> body = new HashMap<>();
        body.put("articleId", article);
        body.put("label", label);
        body.put("start", start);
        body.put("end", start + quote.codePointCount(0, quote.length()));
        body.put("quote", quote);
        return body;
    }

    JsonPath entity(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath();
    }

    List<String> search(String q) {
        return as(EDITOR).queryParam("q", q).get("/api/projects/" + project + "/entities").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
    }

    @Test
    void everySpellingInTheCorpusLinksToOneEntityFoundByNearSpellings() throws IOException {
        long zelensky = entity(EDITOR, Map.of("name", "Volodymyr Zelensky", "type", "ACTOR", "qid", "Q3874799")).getLong("id");
        entity(EDITOR, Map.of("name", "Vladimir Putin", "type", "ACTOR", "aliases", List.of("Putin")));
        Map<Long, String> texts = new LinkedHashMap<>();
        for (Path file : SharedCorpus.files()) {
            long id = article(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            texts.put(id, as(EDITOR).get("/api/articles/" + id).then().extract().jsonPath().getString("text"));
        }
        // The corpus spells him two ways; a wire copy brings the third.
        String wire = "Ukraine's President Volodymyr Zelenskiy said on Monday that two soldiers were captured.";
        texts.put(article("Wire copy", wire), wire);
        Set<String> spellings = new TreeSet<>();
        Set<Long> articles = new TreeSet<>();
        int linked = 0;
        for (Map.Entry<Long, String> e : texts.entrySet()) {
            Matcher m = ZELENSKY.matcher(e.getValue());
            while (m.find()) {
                Map<String, Object> body = spanAt(e.getKey(), e.getValue(), m.start(), m.group(), "ACTOR");
                body.put("entityId", zelensky);
                String user = linked % 2 == 0 ? EDITOR : EDITOR2;
                as(user).body(body).post("/api/annotations").then().statusCode(201)
                        .body("entityId", equalTo((int) zelensky)).body("entity.name", equalTo("Volodymyr Zelensky"))
                        .body("entity.qid", equalTo("Q3874799"));
                spellings.add(m.group());
                articles.add(e.getKey());
                linked++;
            }
        }
        assertEquals(Set.of("Zelensky", "Zelenskyy", "Zelenskiy"), spellings);
        assertTrue(articles.size() >= 3, "mentions across articles: " + articles);

        JsonPath entity = as(EDITOR).get("/api/entities/" + zelensky).then().statusCode(200).extract().jsonPath();
        assertEquals(linked, entity.getInt("mentions"));
        assertTrue(entity.getList("aliases").containsAll(spellings), "aliases grew from the linked spans: " + entity.getList("aliases"));
        JsonPath mentions = as(REVIEWER).get("/api/entities/" + zelensky + "/mentions").then().statusCode(200).extract().jsonPath();
        assertEquals(linked, mentions.getList("items").size());
        assertEquals(articles, new TreeSet<>(mentions.<Integer>getList("items.articleId").stream().map(Integer::longValue).toList()));
        assertTrue(new TreeSet<>(mentions.getList("items.quote")).containsAll(spellings));

        for (String q : List.of("Zelenskiy", "zelenskyy", "ZELENSKY", "Zelenksy", "volodymyr", "Volodymyr Zelenskiy")) {
            List<String> found = search(q);
            assertEquals("Volodymyr Zelensky", found.isEmpty() ? null : found.get(0), q + " → " + found);
        }
        assertEquals(List.of("Vladimir Putin"), search("putin"));
        assertEquals(List.of(), search("Biden"));
        assertEquals(2, as(EDITOR).get("/api/projects/" + project + "/entities").then().extract().jsonPath().getList("items").size());

        // The article page's list carries the link too, and the entity page lists every mention.
        long first = texts.keySet().iterator().next();
        as(EDITOR).get("/api/articles/" + first + "/annotations").then().statusCode(200)
                .body("items.entity.name", hasItems("Volodymyr Zelensky"));
        String page = given().cookie("gloss-session", TestAccounts.session(REVIEWER)).get("/entities/" + zelensky)
                .then().statusCode(200).extract().asString();
        assertEquals(linked, page.split("class=\"mention\"", -1).length - 1, "one row a mention");
        assertTrue(page.contains("Q3874799") && page.contains("Zelenskiy"), "its Wikidata id and aliases");
        given().cookie("gloss-session", TestAccounts.session(OUTSIDER)).get("/entities/" + zelensky).then().statusCode(404);
    }

    @Test
    void claimsCarryTheirFigureReadFromTheQuoteAndEditable() {
        as(ADMIN).body(Map.of("attributes", List.of(Map.of("key", "figure", "name", "Figure", "type", "number"),
                        Map.of("key", "unit", "type", "text"),
                        Map.of("key", "certainty", "type", "choice", "choices", List.of("stated", "estimated")))))
                .put("/api/projects/" + project + "/labels/CLAIM").then().statusCode(200)
                .body("attributes.key", equalTo(List.of("figure", "unit", "certainty")));
        String text = "He said nearly 3,000 soldiers were killed; officials said two were captured.";
        long article = article("Figures", text);
        String quote = "nearly 3,000 soldiers were killed";
        JsonPath claim = as(EDITOR).body(TestData.span(article, text, quote, "CLAIM", null)).post("/api/annotations")
                .then().statusCode(201).body("attributes.figure", equalTo(3000)).extract().jsonPath();
        Map<String, Object> body = TestData.span(article, text, "two were captured", "CLAIM", null);
        body.put("attributes", Map.of("unit", "soldiers", "certainty", "stated"));
        as(EDITOR).body(body).post("/api/annotations").then().statusCode(201)
                .body("attributes.figure", equalTo(2)).body("attributes.unit", equalTo("soldiers"));
        // Edited: the figure given replaces the one read.
        as(EDITOR).body(Map.of("version", claim.getInt("version"), "attributes", Map.of("figure", 2800.5, "unit", "soldiers")))
                .put("/api/annotations/" + claim.getLong("id")).then().statusCode(200)
                .body("attributes.figure", equalTo(2800.5f)).body("attributes.unit", equalTo("soldiers"));

        String other = "officials said";
        Map<String, Object> bad = TestData.span(article, text, other, "CLAIM", null);
        bad.put("attributes", Map.of("figure", "many"));
        refused(as(EDITOR).body(bad).post("/api/annotations").then(), "attributes.figure");
        bad.put("attributes", Map.of("colour", "red"));
        refused(as(EDITOR).body(bad).post("/api/annotations").then(), "attributes.colour");
        bad.put("attributes", Map.of("certainty", "guessed"));
        refused(as(EDITOR).body(bad).post("/api/annotations").then(), "attributes.certainty");
        bad.put("attributes", Map.of("unit", 3));
        refused(as(EDITOR).body(bad).post("/api/annotations").then(), "attributes.unit");
        refused(as(ADMIN).body(Map.of("attributes", List.of(Map.of("key", "x", "type", "date"))))
                .put("/api/projects/" + project + "/labels/CLAIM").then(), "attributes");
        refused(as(ADMIN).body(Map.of("attributes", List.of(Map.of("key", "x", "type", "choice"))))
                .put("/api/projects/" + project + "/labels/CLAIM").then(), "attributes");
    }

    @Test
    void theNewsPresetsClaimStatesAFigureAndAUnitAndItsActorsAndLocationsLink() {
        long news = as(ADMIN).body(Map.of("name", "News " + System.nanoTime(), "preset", "news")).post("/api/projects")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath labels = as(ADMIN).get("/api/projects/" + news + "/labels").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CLAIM", "ACTOR", "LOCATION"), labels.getList("items.key"));
        assertEquals(List.of(false, true, true), labels.getList("items.linksEntity"));
        assertEquals(List.of("figure", "unit"), labels.getList("items[0].attributes.key"));
        assertEquals(List.of("number", "text"), labels.getList("items[0].attributes.type"));
        long article = as(ADMIN).body(Map.of("title", "Figures", "text", "Officials said about 1.5 million people fled."))
                .post("/api/projects/" + news + "/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        String quote = "about 1.5 million people fled";
        Map<String, Object> claim = TestData.span(article, "Officials said about 1.5 million people fled.", quote, "CLAIM", null);
        claim.put("attributes", Map.of("unit", "people"));
        as(ADMIN).body(Map.of("username", EDITOR)).post("/api/projects/" + news + "/members").then().statusCode(204);
        as(EDITOR).body(claim).post("/api/annotations").then().statusCode(201)
                .body("attributes.figure", equalTo(1500000)).body("attributes.unit", equalTo("people"));
    }

    @Test
    void aReviewerMergesDuplicatesAndTheMergeIsAudited() {
        String text = "Zelensky met Zelenskyy's aides in Kyiv.";
        long article = article("Merge", text);
        long keep = entity(EDITOR, Map.of("name", "Volodymyr Zelensky", "type", "ACTOR")).getLong("id");
        long dup = entity(EDITOR, Map.of("name", "Zelenskyy", "type", "ACTOR", "aliases", List.of("President Zelenskyy"),
                "qid", "Q3874799")).getLong("id");
        Map<String, Object> one = TestData.span(article, text, "Zelensky", "ACTOR", null);
        one.put("entityId", keep);
        as(EDITOR).body(one).post("/api/annotations").then().statusCode(201);
        Map<String, Object> two = TestData.span(article, text, "Zelenskyy", "ACTOR", null);
        two.put("entityId", dup);
        long moved = as(EDITOR).body(two).post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");

        as(EDITOR).body(Map.of("into", keep)).post("/api/entities/" + dup + "/merge").then().statusCode(403);
        refused(as(REVIEWER).body(Map.of("into", dup)).post("/api/entities/" + dup + "/merge").then(), "into");
        refused(as(REVIEWER).body(Map.of()).post("/api/entities/" + dup + "/merge").then(), "into");
        as(REVIEWER).body(Map.of("into", keep)).post("/api/entities/" + dup + "/merge").then().statusCode(200)
                .body("id", equalTo((int) keep)).body("mentions", equalTo(2)).body("qid", equalTo("Q3874799"))
                .body("aliases", hasItems("Zelensky", "Zelenskyy", "President Zelenskyy"));
        as(REVIEWER).get("/api/entities/" + dup).then().statusCode(404);
        as(EDITOR).get("/api/annotations/" + moved).then().body("entityId", equalTo((int) keep));
        JsonPath audit = as(ADMIN).queryParam("project", project).queryParam("entity", "entity").queryParam("action", "merge")
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) dup), audit.getList("items.entityId"));
        assertEquals(REVIEWER, audit.getString("items[0].user"));
        assertEquals("Zelenskyy", audit.getString("items[0].before.name"));
        assertEquals((int) keep, audit.getInt("items[0].after.id"));

        // The pages: the project's entities found by any spelling; a reviewer merges a duplicate from its page.
        long third = entity(EDITOR, Map.of("name", "President Zelensky", "type", "ACTOR")).getLong("id");
        String reviewer = TestAccounts.session(REVIEWER);
        String list = given().cookie("gloss-session", reviewer).queryParam("q", "zelenskiy")
                .get("/projects/" + project + "/entities").then().statusCode(200).extract().asString();
        assertTrue(list.indexOf("/entities/" + keep + "\"") < list.indexOf("/entities/" + third + "\""), "best first: " + list);
        String page = given().cookie("gloss-session", reviewer).get("/entities/" + third).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"" + keep + "\""), "the merge form offers the other actor");
        String landed = ProjectPagesTest.postForm(reviewer, page, "/entities/" + third + "/merge", "into", String.valueOf(keep));
        assertTrue(landed.contains("/entities/" + keep + "?said="), landed);
        as(REVIEWER).get("/api/entities/" + keep).then().body("aliases", hasItems("President Zelensky"));
        String editorPage = given().cookie("gloss-session", TestAccounts.session(EDITOR)).get("/entities/" + keep)
                .then().statusCode(200).extract().asString();
        assertTrue(!editorPage.contains("id=\"merge\""), "editors do not merge");

        // An admin deletes the entity: its spans stay, unlinked.
        as(REVIEWER).delete("/api/entities/" + keep).then().statusCode(403);
        as(ADMIN).delete("/api/entities/" + keep).then().statusCode(204);
        as(EDITOR).get("/api/annotations/" + moved).then().statusCode(200).body("entityId", nullValue());
    }

    @Test
    void inABlindProjectAnEditorSeesOnlyTheirOwnMentions() {
        String name = as(ADMIN).get("/api/projects/" + project).then().extract().jsonPath().getString("name");
        as(ADMIN).body(Map.of("name", name, "blind", true)).put("/api/projects/" + project).then().statusCode(200);
        String text = "Zelensky and Zelensky again.";
        long article = article("Blind", text);
        long zelensky = entity(EDITOR, Map.of("name", "Volodymyr Zelensky", "type", "ACTOR")).getLong("id");
        Map<String, Object> first = TestData.span(article, text, "Zelensky", "ACTOR", null);
        first.put("entityId", zelensky);
        as(EDITOR).body(first).post("/api/annotations").then().statusCode(201);
        Map<String, Object> second = spanAt(article, text, text.lastIndexOf("Zelensky"), "Zelensky", "ACTOR");
        second.put("entityId", zelensky);
        as(EDITOR2).body(second).post("/api/annotations").then().statusCode(201);
        as(EDITOR).get("/api/entities/" + zelensky + "/mentions").then().statusCode(200)
                .body("items.author", equalTo(List.of(EDITOR)));
        as(REVIEWER).get("/api/entities/" + zelensky + "/mentions").then().statusCode(200)
                .body("items.author", equalTo(List.of(EDITOR, EDITOR2)));
    }

    @Test
    void refusals() {
        String text = "Zelensky spoke in Kyiv about 200 casualties.";
        long article = article("Refusals", text);
        long other = data.project(EDITOR);
        long foreign = as(EDITOR).body(Map.of("name", "Kyiv", "type", "LOCATION")).post("/api/projects/" + other + "/entities")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long kyiv = entity(EDITOR, Map.of("name", "Kyiv", "type", "LOCATION")).getLong("id");

        Map<String, Object> span = TestData.span(article, text, "Zelensky", "ACTOR", null);
        span.put("entityId", foreign);
        refused(as(EDITOR).body(span).post("/api/annotations").then(), "entityId");
        Map<String, Object> claim = TestData.span(article, text, "200 casualties", "CLAIM", null);
        claim.put("entityId", kyiv);
        refused(as(EDITOR).body(claim).post("/api/annotations").then(), "entityId");

        refused(as(EDITOR).body(Map.of("name", " ", "type", "ACTOR")).post("/api/projects/" + project + "/entities").then(), "name");
        refused(as(EDITOR).body(Map.of("name", "X", "type", "CLAIM")).post("/api/projects/" + project + "/entities").then(), "type");
        refused(as(EDITOR).body(Map.of("name", "X")).post("/api/projects/" + project + "/entities").then(), "type");
        refused(as(EDITOR).body(Map.of("name", "X", "type", "ACTOR", "qid", "3874799")).post("/api/projects/" + project + "/entities")
                .then(), "qid");
        refused(as(EDITOR).body(Map.of("qid", "wd:Q1")).put("/api/entities/" + kyiv).then(), "qid");
        as(EDITOR).body(Map.of("name", "Kyiv", "type", "LOCATION")).post("/api/projects/" + project + "/entities")
                .then().statusCode(409).body("existingId", equalTo((int) kyiv));
        as(EDITOR).body(Map.of("name", "Kyiv (city)", "aliases", List.of("Kiev", "Kiev", " "), "qid", "Q1899"))
                .put("/api/entities/" + kyiv).then().statusCode(200).body("name", equalTo("Kyiv (city)"))
                .body("aliases", equalTo(List.of("Kiev"))).body("qid", equalTo("Q1899"));

        // A reviewer's label correction to a label that links nothing drops the link.
        Map<String, Object> place = TestData.span(article, text, "Kyiv", "LOCATION", null);
        place.put("entityId", kyiv);
        JsonPath linked = as(EDITOR).body(place).post("/api/annotations").then().statusCode(201).extract().jsonPath();
        as(REVIEWER).body(Map.of("label", "CLAIM", "version", linked.getInt("version")))
                .post("/api/annotations/" + linked.getLong("id") + "/label").then().statusCode(200)
                .body("label", equalTo("CLAIM")).body("entityId", nullValue()).body("entity", nullValue());

        // Not a member: as if nothing were there. The wrong role: 403.
        as(OUTSIDER).get("/api/projects/" + project + "/entities").then().statusCode(404);
        as(OUTSIDER).get("/api/entities/" + kyiv + "/mentions").then().statusCode(404);
        as(OUTSIDER).body(Map.of("name", "Kyiv")).put("/api/entities/" + kyiv).then().statusCode(404);
        as(REVIEWER).body(Map.of("name", "Kyiv", "type", "LOCATION")).post("/api/projects/" + project + "/entities")
                .then().statusCode(403);
        as(EDITOR).delete("/api/entities/" + kyiv).then().statusCode(403);
        as(REVIEWER).get("/api/projects/" + project + "/entities").then().statusCode(200);

        // An archived project refuses changes to its entities.
        as(ADMIN).body(Map.of("archived", true)).put("/api/projects/" + project).then().statusCode(200);
        as(EDITOR).body(Map.of("name", "Lviv", "type", "LOCATION")).post("/api/projects/" + project + "/entities")
                .then().statusCode(409).body("error", equalTo("project_archived"));
        as(EDITOR).body(Map.of("name", "Kyiv")).put("/api/entities/" + kyiv).then().statusCode(409);
        as(EDITOR).get("/api/entities/" + kyiv + "/mentions").then().statusCode(200);
    }

    static void refused(io.restassured.response.ValidatableResponse response, String field) {
        response.statusCode(400).body("error", equalTo("invalid")).body("field", equalTo(field))
                .body("message", containsString(" "));
    }
}
