package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.db.Database;
import io.gloss.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search over the shared corpus and spans the test makes, on whichever database the suite runs
 * (H2 with its Lucene index, or PostgreSQL's full-text search): every expected hit is worked out
 * here from the texts, so both databases are held to the same answers.
 */
@QuarkusTest
class SearchApiTest {

    /** Curly quotes, an em dash, accents, an emoji, CRLF (normalised to \n at import). */
    static final String OWN = "Ms. Zelénska’s office — in Kyïv — said “the talks resumed” 🙂 on Monday.\r\n"
            + "KYIV officials expect 3,000 observers; the Russia-Ukraine talks resumed later.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    SearchBackfill backfill;

    @Inject
    EntityManager em;

    @Inject
    Database database;

    @Inject
    PostgresSearch postgres;

    @Inject
    LuceneSearch lucene;

    long projectId;
    long otherProject;
    final Map<String, Long> articles = new HashMap<>();
    final Map<String, String> texts = new HashMap<>();

    @BeforeEach
    void fixture() throws IOException {
        accounts.ensure("se-ed1", "editor");
        accounts.ensure("se-ed2", "editor");
        accounts.ensure("se-rev", "reviewer");
        accounts.ensure("se-out", "editor");
        projectId = data.project("se-ed1", "se-ed2", "se-rev");
        for (Path file : SharedCorpus.files()) {
            String text = Files.readString(file).strip();
            String name = file.getFileName().toString();
            articles.put(name, data.article(projectId, "Corpus " + name, text));
            texts.put(name, text);
        }
        articles.put("own", data.article(projectId, "Observers in Kyiv", OWN));
        texts.put("own", OWN.replace("\r\n", "\n"));
        otherProject = data.project("se-out");
        data.article(otherProject, "Zelensky elsewhere", "Zelensky spoke in another project about Kursk.");
    }

    JsonPath search(String user, String query) {
        return accounts.as(user).get("/api/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    Set<Long> ids(JsonPath page, String kind) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> kind.equals(i.get("kind"))).map(i -> ((Number) i.get("id")).longValue())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The project's articles whose text holds {@code word} ignoring case, worked out without the app. */
    Set<Long> articlesHolding(String word) {
        return texts.entrySet().stream().filter(e -> e.getValue().toLowerCase().contains(word))
                .map(e -> articles.get(e.getKey())).collect(Collectors.toCollection(TreeSet::new));
    }

    long annotate(String user, String article, String quote, String label, String note) {
        return accounts.as(user).contentType(ContentType.JSON)
                .body(TestData.span(articles.get(article), texts.get(article), quote, label, note))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void findsWordsInBodiesIgnoringCaseAndAccentsAndOpensTheArticleAtTheHit() {
        JsonPath page = search("se-ed1", "q=KURSK&project=" + projectId + "&kind=article");
        assertEquals(articlesHolding("kursk"), ids(page, "article"));
        assertTrue(ids(page, "article").size() >= 2, "the corpus names Kursk in several articles");

        // "Zelenska" finds "Zelénska’s" (the accent folded, the apostrophe a separator); "kyiv" finds "Kyïv" and "KYIV".
        JsonPath own = search("se-ed1", "q=zelenska kyiv&project=" + projectId);
        assertEquals(Set.of(articles.get("own")), ids(own, "article"));
        Map<String, Object> hit = own.getMap("items[0]");
        String text = texts.get("own");
        int start = (Integer) hit.get("start");
        int end = (Integer) hit.get("end");
        assertEquals("Zelénska", text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)));
        String snippet = (String) hit.get("snippet");
        List<Map<String, Integer>> marks = own.getList("items[0].marks");
        List<String> marked = new ArrayList<>();
        for (Map<String, Integer> m : marks) {
            marked.add(snippet.substring(snippet.offsetByCodePoints(0, m.get("start")), snippet.offsetByCodePoints(0, m.get("end"))));
        }
        assertEquals(List.of("Zelénska", "Kyïv", "KYIV"), marked, "every match in the snippet is marked, in code points past the emoji");
        assertEquals("Observers in Kyiv", hit.get("title"));
    }

    /**
     * Past their limit the facets count that many matches and say so, each count then a lower
     * bound; at the limit they are exact. The engine of the suite's database, with a limit of 2
     * and 3 instead of SearchService's.
     */
    @Test
    void facetsCountUpToTheirLimitAndSayWhenMoreMatch() {
        annotate("se-ed1", "own", "Zelénska", "ACTOR", "spelt so");
        annotate("se-ed2", "own", "KYIV", "LOCATION", "spelt so");
        annotate("se-ed2", "own", "Kyïv", "LOCATION", "spelt so");
        search("se-ed1", "q=spelt&project=" + projectId); // on H2, the index takes the new spans in
        SearchEngine engine = database.isPostgres() ? postgres : lucene;
        SearchScope scope = new SearchScope(Set.of(projectId), Set.of(), "se-ed1", Set.of(), null, null, null, null);

        SearchEngine.Facets kyiv = engine.facets(SearchQuery.parse("kyiv"), scope, 3);
        assertFalse(kyiv.capped(), "two of the three spans match: below the limit");
        assertEquals(Map.of("se-ed2", 2L), kyiv.authors());

        SearchEngine.Facets three = engine.facets(SearchQuery.parse("spelt"), scope, 3);
        assertFalse(three.capped(), "exactly the limit is not past it");
        assertEquals(Map.of("se-ed1", 1L, "se-ed2", 2L), three.authors());
        assertEquals(Map.of("SUBMITTED", 3L), three.statuses());

        SearchEngine.Facets two = engine.facets(SearchQuery.parse("spelt"), scope, 2);
        assertTrue(two.capped(), "three match, two counted");
        for (Map<?, Long> counts : List.of(two.labels(), two.statuses(), two.authors())) {
            assertEquals(2L, counts.values().stream().mapToLong(Long::longValue).sum(), "two of the three counted: " + counts);
        }
        two.authors().forEach((author, n) -> assertTrue(n <= three.authors().get(author), "a capped count is a lower bound"));
    }

    @Test
    void phrasesAndPrefixes() {
        long own = articles.get("own");
        assertEquals(Set.of(own), ids(search("se-ed1", "q=\"talks resumed\"&project=" + projectId), "article"));
        assertEquals(Set.of(), ids(search("se-ed1", "q=\"resumed talks\"&project=" + projectId), "article"),
                "a phrase keeps its order");
        assertEquals(articlesHolding("russia-ukraine"), ids(search("se-ed1", "q=Russia-Ukraine&project=" + projectId), "article"),
                "a hyphenated word is the phrase of its parts");
        assertTrue(articlesHolding("russia-ukraine").contains(own));
        assertEquals(articlesHolding("3,000"), ids(search("se-ed1", "q=3,000&project=" + projectId), "article"));
        assertEquals(articlesHolding("pyongyang"), ids(search("se-ed1", "q=pyong*&project=" + projectId), "article"));
        assertEquals(articlesHolding("captur"), ids(search("se-ed1", "q=captur*&project=" + projectId + "&kind=article"), "article"));
        assertEquals(Set.of(own), ids(search("se-ed1", "q=\"talks resu*\"&project=" + projectId), "article"));
        assertEquals(Set.of(), ids(search("se-ed1", "q=zzyzzx&project=" + projectId), "article"));
    }

    @Test
    void annotationsByQuoteAndNoteWithFiltersAndFacets() {
        long a1 = annotate("se-ed1", "own", "Zelénska", "ACTOR", null);
        long a2 = annotate("se-ed2", "own", "KYIV", "LOCATION", "capital, spelt Kyïv in the first line");
        long a3 = annotate("se-ed2", "own", "3,000 observers", "CLAIM", "figure from the ministry");
        accounts.as("se-rev").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "comment", "ok"))
                .post("/api/annotations/" + a2 + "/decision").then().statusCode(200);

        JsonPath page = search("se-ed1", "q=kyiv&project=" + projectId + "&kind=annotation");
        assertEquals(Set.of(a2), ids(page, "annotation"));
        assertFalse(page.getBoolean("facetsCapped"), "one match is far below the facets' limit");
        assertEquals(Map.of("label", Map.of("LOCATION", 1), "status", Map.of("APPROVED", 1), "author", Map.of("se-ed2", 1)),
                page.getMap("facets"));
        assertEquals("LOCATION", page.getString("items[0].label"));
        assertEquals("APPROVED", page.getString("items[0].status"));
        assertEquals(articles.get("own"), page.getLong("items[0].articleId"));

        // In a note only: the snippet is the note.
        JsonPath byNote = search("se-ed1", "q=ministry&project=" + projectId);
        assertEquals(Set.of(a3), ids(byNote, "annotation"));
        assertEquals("figure from the ministry", byNote.getString("items[0].snippet"));

        JsonPath all = search("se-ed1", "q=zelenska kyiv 3000 ministry capital zelénska&project=" + projectId + "&kind=annotation");
        assertEquals(Set.of(), ids(all, "annotation"), "every word must match");

        JsonPath anyOwn = search("se-ed1", "q=observers&project=" + projectId);
        assertEquals(Set.of(a3), ids(anyOwn, "annotation"));
        assertEquals(articlesHolding("observers"), ids(anyOwn, "article"));

        // Facets over every match; filters narrow.
        annotate("se-ed1", "own", "Kyïv", "LOCATION", null);
        JsonPath kyiv = search("se-ed1", "q=kyiv&project=" + projectId);
        assertEquals(Map.of("LOCATION", 2), kyiv.getMap("facets.label"));
        assertEquals(Map.of("APPROVED", 1, "SUBMITTED", 1), kyiv.getMap("facets.status"));
        assertEquals(Map.of("se-ed1", 1, "se-ed2", 1), kyiv.getMap("facets.author"));
        JsonPath submitted = search("se-ed1", "q=kyiv&project=" + projectId + "&status=submitted");
        assertEquals(1, ids(submitted, "annotation").size());
        assertEquals(Map.of("SUBMITTED", 1), submitted.getMap("facets.status"), "the facets count what the filters leave");
        JsonPath bySecond = search("se-ed1", "q=kyiv&project=" + projectId + "&author=se-ed2");
        assertEquals(Set.of(a2), ids(bySecond, "annotation"));
        assertEquals(Map.of("se-ed2", 1), bySecond.getMap("facets.author"));
        assertEquals(Map.of("LOCATION", 1), bySecond.getMap("facets.label"));
        assertEquals(Set.of(), ids(search("se-ed1", "q=kyiv&project=" + projectId + "&label=ACTOR"), "annotation"));
        assertEquals(Set.of(a1), ids(search("se-ed1", "q=zelenska&project=" + projectId + "&label=actor"), "annotation"));
        JsonPath filtered = search("se-ed1", "q=kyiv&project=" + projectId + "&label=LOCATION");
        assertEquals(Set.of(), ids(filtered, "article"), "an annotation filter leaves articles out");

        // A deleted span is not found.
        accounts.as("se-ed1").delete("/api/annotations/" + a1).then().statusCode(204);
        assertEquals(Set.of(), ids(search("se-ed1", "q=zelenska&project=" + projectId + "&kind=annotation"), "annotation"));
    }

    @Test
    void aRetiredArticleAndItsSpansLeaveTheResultsAndTheFacets() {
        accounts.ensure("se-admin", "admin");
        long span = annotate("se-ed1", "own", "KYIV", "LOCATION", null);
        String kyiv = "q=kyiv&project=" + projectId;
        assertEquals(Set.of(span), ids(search("se-ed1", kyiv), "annotation"));
        assertEquals(Set.of(span), ids(search("se-ed1", kyiv + "&label=LOCATION"), "annotation"));

        accounts.as("se-admin").delete("/api/articles/" + articles.get("own")).then().statusCode(200);
        JsonPath after = search("se-ed1", kyiv);
        assertFalse(ids(after, "article").contains(articles.get("own")), "a retired article is not found");
        assertEquals(Set.of(), ids(after, "annotation"), "nor are its spans");
        assertEquals(Map.of(), after.getMap("facets.label"), "nor counted");
        JsonPath filtered = search("se-ed1", kyiv + "&label=LOCATION");
        assertEquals(Set.of(), ids(filtered, "annotation"));
        assertEquals(Map.of(), filtered.getMap("facets.status"));
    }

    @Test
    void neverShowsAnotherProjectsHits() {
        JsonPath mine = search("se-ed1", "q=zelensky");
        List<Map<String, Object>> items = mine.getList("items");
        assertTrue(items.stream().allMatch(i -> ((Number) i.get("projectId")).longValue() != otherProject));
        assertTrue(items.stream().anyMatch(i -> ((Number) i.get("projectId")).longValue() == projectId));
        JsonPath theirs = search("se-out", "q=zelensky");
        List<Map<String, Object>> other = theirs.getList("items");
        assertTrue(other.stream().noneMatch(i -> ((Number) i.get("projectId")).longValue() == projectId),
                "a non-member sees nothing of the project");
        accounts.as("se-out").get("/api/search?q=zelensky&project=" + projectId).then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/search?q=zelensky").then().statusCode(401);
    }

    @Test
    void pagesThroughArticlesThenAnnotations() {
        annotate("se-ed1", "own", "Kyïv", "LOCATION", null);
        annotate("se-ed1", "own", "KYIV", "LOCATION", null);
        Set<String> seen = new TreeSet<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = search("se-ed1", "q=kyiv&project=" + projectId + "&limit=1" + (next == null ? "" : "&after=" + next));
            List<Map<String, Object>> items = page.getList("items");
            assertEquals(1, items.size());
            seen.add(items.get(0).get("kind") + ":" + items.get(0).get("id"));
            next = page.getString("next");
            pages++;
        } while (next != null && pages < 10);
        int expected = articlesHolding("kyiv").size() + 2;
        assertEquals(expected, pages);
        assertEquals(expected, seen.size());
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        String base = "/api/search?project=" + projectId;
        accounts.as("se-ed1").get(base + "&q=").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=—").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=a*").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=kyiv&kind=tweet").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=kyiv&status=LOST").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=kyiv&kind=article&label=ACTOR").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=kyiv&after=zzz").then().statusCode(400);
        accounts.as("se-ed1").get(base + "&q=kyiv&limit=1000").then().statusCode(400);
        String message = accounts.as("se-ed1").get(base + "&q=kyiv&status=LOST").then().extract().jsonPath().getString("message");
        assertNotNull(message);
        assertTrue(message.contains("SUBMITTED"), message);
    }

    @Test
    void aBlindProjectShowsAnEditorOnlyTheirOwnSpansUntilTheirWorkIsDone() {
        QuarkusTransaction.requiringNew().run(() -> ((Project) Project.findById(projectId)).blind = true);
        long mine = annotate("se-ed1", "own", "Kyïv", "LOCATION", null);
        long theirs = annotate("se-ed2", "own", "KYIV", "LOCATION", null);
        String q = "q=kyiv&project=" + projectId + "&kind=annotation";
        assertEquals(Set.of(mine), ids(search("se-ed1", q), "annotation"));
        assertEquals(Map.of("se-ed1", 1), search("se-ed1", q).getMap("facets.author"), "facets count only what one may see");
        assertEquals(Set.of(mine, theirs), ids(search("se-rev", q), "annotation"));

        accounts.ensure("se-admin", "admin");
        accounts.assignDone("se-admin", projectId, articles.get("own"), "se-ed1");
        assertEquals(Set.of(mine, theirs), ids(search("se-ed1", q), "annotation"));
    }

    @Test
    void rowsWithoutWordsAreFoldedByTheBackfill() {
        long id = annotate("se-ed1", "own", "Zelénska", "ACTOR", "backfilled note");
        String q = "q=backfilled&project=" + projectId;
        assertEquals(Set.of(id), ids(search("se-ed1", q), "annotation"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update annotation set search_text = null where id = ?1")
                .setParameter(1, id).executeUpdate());
        assertEquals(Set.of(), ids(search("se-ed1", q), "annotation"), "a row without words is not found");
        assertTrue(backfill.run() >= 1);
        assertEquals(Set.of(id), ids(search("se-ed1", q), "annotation"), () -> whereTheWordsAre(id, q));
    }

    /** Why a folded row was not found (seen once in CI, not reproduced since): its words, its queue rows, a search after the whole queue. */
    private String whereTheWordsAre(long id, String q) {
        Object words = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select search_text from annotation where id = ?1")
                .setParameter(1, id).getSingleResult());
        if (database.isPostgres()) {
            return "search_text " + words;
        }
        Object queued = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from search_queue where kind = ?1 and ref_id = ?2")
                .setParameter(1, SearchKind.ANNOTATION.code()).setParameter(2, id).getSingleResult());
        long pending = lucene.pending();
        // Each search drains a batch; a queue that does not shrink in 100 of them is itself the answer.
        int searches = 0;
        while (searches < 100 && lucene.pending() > 0) {
            search("se-ed1", q);
            searches++;
        }
        return "search_text " + words + ", queue rows for it " + queued + " of " + pending + ", " + lucene.pending()
                + " left after " + searches + " more searches, found then " + ids(search("se-ed1", q), "annotation");
    }

    @Test
    void titlesAreSearchedToo() {
        JsonPath page = search("se-ed1", "q=\"observers in kyiv\"&project=" + projectId + "&kind=article");
        assertEquals(Set.of(articles.get("own")), ids(page, "article"));
        JsonPath corpus = search("se-ed1", "q=\"corpus 000\"&project=" + projectId + "&kind=article");
        assertEquals(1, ids(corpus, "article").size());
        assertNull(corpus.get("items[0].start"), "only the title matches");
    }
}
