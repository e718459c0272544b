package io.gloss.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recommender end to end on the shared corpus: an editor labels the names of two articles
 * ({@link CorpusNames}), a reviewer approves them, an admin trains; the model's spans on the
 * third article, which nobody annotated, are compared with that article's names. MODEL
 * suggestions go to every editor, and never into the review queue or an export.
 */
@QuarkusTest
class RecommenderApiTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    RecommenderRunner runner;

    long project;
    final List<Long> articles = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    @BeforeEach
    void corpus() throws IOException {
        accounts.ensure("rc-ed", "editor");
        accounts.ensure("rc-ed2", "editor");
        accounts.ensure("rc-rev", "reviewer");
        accounts.ensure("rc-admin", "admin");
        accounts.ensure("rc-out", "reviewer");
        project = data.project("rc-ed", "rc-ed2", "rc-rev");
        articles.clear();
        texts.clear();
        for (Path file : SharedCorpus.files()) {
            long id = data.article(project, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            articles.add(id);
            texts.add(accounts.as("rc-ed").get("/api/articles/" + id).then().statusCode(200).extract().path("text"));
        }
    }

    /** rc-ed labels the article's names (all of them, or the first {@code limit}); rc-rev approves them. Returns how many. */
    private int labelAndApprove(int article, int limit) {
        List<Long> ids = new ArrayList<>();
        for (LabelledSpan span : CorpusNames.spans(texts.get(article)).subList(0, limit)) {
            ids.add(accounts.as("rc-ed").contentType(ContentType.JSON).body(Map.of("articleId", articles.get(article),
                            "label", span.label(), "start", span.start(), "end", span.end(),
                            "quote", texts.get(article).substring(span.start(), span.end())))
                    .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        accounts.as("rc-rev").contentType(ContentType.JSON).body(Map.of("ids", ids, "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(200);
        return ids.size();
    }

    private int labelAndApprove(int article) {
        return labelAndApprove(article, CorpusNames.spans(texts.get(article)).size());
    }

    private JsonPath recommender() {
        return accounts.as("rc-rev").get("/api/projects/" + project + "/recommender").then().statusCode(200).extract().jsonPath();
    }

    /** Waits for the training that {@code before} (the last trainedAt, or null) preceded to end. */
    private JsonPath trained(String before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath now = recommender();
            String state = now.getString("state");
            assertFalse(state.equals("FAILED"), now.prettify());
            if (state.equals("TRAINED") && now.getString("trainedAt") != null && !now.getString("trainedAt").equals(before)) {
                return now;
            }
            assertTrue(System.currentTimeMillis() < deadline, "still " + state);
            Thread.sleep(100);
        }
    }

    private List<Map<String, Object>> modelSuggestions(String editor, int article) {
        List<Map<String, Object>> items = accounts.as(editor).get("/api/articles/" + articles.get(article) + "/suggestions")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(s -> "MODEL".equals(s.get("source"))).toList();
    }

    /**
     * The article's model suggestions once {@code ready} holds of them. A model is TRAINED before
     * its suggestions are stored (in the background, a batch of articles per transaction), so a
     * read just after the training may still see none, or the last model's.
     */
    private List<Map<String, Object>> modelSuggestionsWhen(String editor, int article, String what,
            Predicate<List<Map<String, Object>>> ready) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            List<Map<String, Object>> now = modelSuggestions(editor, article);
            if (ready.test(now)) {
                return now;
            }
            assertTrue(System.currentTimeMillis() < deadline, what + " after 60 s: " + now);
            Thread.sleep(100);
        }
    }

    @Test
    void learntOnTwoArticlesItSuggestsTheNamesOfTheThird() throws InterruptedException {
        int approved = labelAndApprove(0) + labelAndApprove(1);
        JsonPath before = recommender();
        assertEquals("UNTRAINED", before.getString("state"));
        assertNull(before.get("trainedAt"));
        assertNull(before.get("evaluation"));

        accounts.as("rc-admin").post("/api/projects/" + project + "/recommender/train").then().statusCode(202)
                .body("state", Matchers.oneOf("QUEUED", "TRAINING"));
        JsonPath trained = trained(null);
        // Every name is on tokens, "Russia" in "Russia-Ukraine" too: a compound's hyphen is a token of its own.
        assertEquals(approved, trained.getInt("trainedOn"));
        assertEquals(1, trained.getInt("evaluation.articles"), "the second article, the last by id, is held out");
        assertEquals(CorpusNames.spans(texts.get(1)).size(), trained.getInt("evaluation.spans"));
        for (String figure : List.of("precision", "recall", "f1", "perLabel.LOCATION.precision", "perLabel.ACTOR.recall")) {
            float value = trained.getFloat("evaluation." + figure);
            assertTrue(value >= 0 && value <= 1, figure + " " + value);
        }

        // The third article: nobody annotated it, the model never saw it.
        Set<String> names = new HashSet<>();
        CorpusNames.spans(texts.get(2)).forEach(s -> names.add(s.start() + "-" + s.end() + " " + s.label()));
        List<Map<String, Object>> suggested = modelSuggestionsWhen("rc-ed2", 2, "no suggestion", s -> !s.isEmpty());
        int correct = 0;
        for (Map<String, Object> s : suggested) {
            assertNull(s.get("entityId"));
            float score = ((Number) s.get("score")).floatValue();
            assertTrue(score > 0 && score <= 1, s.toString());
            assertEquals(texts.get(2).substring((Integer) s.get("start"), (Integer) s.get("end")), s.get("quote"));
            if (names.contains(s.get("start") + "-" + s.get("end") + " " + s.get("label"))) {
                correct++;
            }
        }
        double precision = (double) correct / suggested.size();
        double recall = (double) correct / names.size();
        assertTrue(precision >= TrainingTest.PRECISION_FLOOR, "precision " + precision + " " + suggested);
        assertTrue(recall >= TrainingTest.RECALL_FLOOR, "recall " + recall + " " + suggested);
        assertEquals(suggested.size(), modelSuggestions("rc-ed", 2).size(), "proposed to every editor");
    }

    @Test
    void modelSuggestionsAreReplacedByTheNextModelAndNeverReviewedNorExported() throws Exception {
        int approved = labelAndApprove(0);
        accounts.as("rc-admin").post("/api/projects/" + project + "/recommender/train").then().statusCode(202);
        JsonPath first = trained(null);
        assertNull(first.get("evaluation"), "one article: nothing to hold out");
        List<Map<String, Object>> firstSuggestions = modelSuggestionsWhen("rc-ed2", 1, "no suggestion", s -> !s.isEmpty());

        accounts.as("rc-admin").post("/api/projects/" + project + "/recommender/train").then().statusCode(202);
        trained(first.getString("trainedAt"));
        Set<Object> firstIds = new HashSet<>(firstSuggestions.stream().map(s -> s.get("id")).toList());
        List<Map<String, Object>> second = modelSuggestionsWhen("rc-ed2", 1, "the last model's suggestions are still there",
                now -> !now.isEmpty() && now.stream().noneMatch(s -> firstIds.contains(s.get("id"))));
        Set<String> places = new HashSet<>();
        second.forEach(s -> assertTrue(places.add(s.get("start") + "-" + s.get("end") + " " + s.get("label")), "once: " + s));

        long accepted = accounts.as("rc-ed2").post("/api/suggestions/" + second.get(0).get("id") + "/accept").then()
                .statusCode(201).body("origin", Matchers.is("MODEL")).extract().jsonPath().getLong("id");
        List<Long> queued = accounts.as("rc-rev").get("/api/review/queue?project=" + project).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        assertEquals(List.of(accepted), queued, "only the span an editor accepted waits for review");

        long dataset = accounts.as("rc-rev").contentType(ContentType.JSON).body(Map.of("projectId", project, "name", "all",
                        "format", "jsonl", "statuses", List.of("SUBMITTED", "APPROVED", "REJECTED")))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        String state;
        while (!(state = accounts.as("rc-rev").get("/api/datasets/" + dataset).then().statusCode(200).extract()
                .path("state")).equals("DONE")) {
            assertFalse(state.equals("FAILED") || System.currentTimeMillis() > deadline, "dataset " + state);
            Thread.sleep(50);
        }
        String jsonl = accounts.as("rc-rev").get("/api/datasets/" + dataset + "/files/dataset.jsonl").then().statusCode(200)
                .extract().asString();
        int exported = 0;
        for (String line : jsonl.split("\n")) {
            exported += JsonPath.from(line).getList("spans").size();
        }
        assertEquals(approved + 1, exported, "the approved spans and the accepted one; no suggestion");
    }

    @Test
    void itRetrainsByItselfOnceEnoughSpansWereApproved() throws InterruptedException {
        // %test: gloss.recommender.retrain-after=5
        labelAndApprove(0, 4);
        assertFalse(due(), "4 approvals");
        labelAndApprove(1, 1);
        assertTrue(due(), "5 approvals");
        runner.check();
        JsonPath first = trained(null);
        assertEquals(onTokens(0, 4) + onTokens(1, 1), first.getInt("trainedOn"));
        assertFalse(due(), "none approved since");

        labelAndApprove(2, 5);
        assertTrue(due());
        runner.check();
        assertEquals(onTokens(0, 4) + onTokens(1, 1) + onTokens(2, 5), trained(first.getString("trainedAt")).getInt("trainedOn"));
    }

    /** How many of the article's first {@code limit} names lie on tokens: those a model learns from. */
    private int onTokens(int article, int limit) {
        return NameFinder.samples(List.of(new TrainingArticle(articles.get(article), texts.get(article),
                CorpusNames.spans(texts.get(article)).subList(0, limit)))).names();
    }

    private boolean due() {
        return QuarkusTransaction.requiringNew().call(() -> RecommenderModel.due(5)).contains(project);
    }

    @Test
    void rolesAndRefusals() {
        String path = "/api/projects/" + project + "/recommender";
        accounts.as("rc-ed").get(path).then().statusCode(403);
        accounts.as("rc-out").get(path).then().statusCode(404);
        accounts.as("rc-admin").get(path).then().statusCode(200).body("state", Matchers.is("UNTRAINED"));
        accounts.as("rc-rev").post(path + "/train").then().statusCode(403);
        accounts.as("rc-ed").post(path + "/train").then().statusCode(403);
        accounts.as("rc-admin").post(path + "/train").then().statusCode(409).body("error", Matchers.is("nothing_to_learn"))
                .body("message", Matchers.containsString("approve some first"));
        accounts.as("rc-admin").post("/api/projects/999999999/recommender/train").then().statusCode(404);
    }

    @Test
    void thePageShowsTheEvaluationAndAdminsATrainButton() throws InterruptedException {
        labelAndApprove(0);
        labelAndApprove(1);
        accounts.as("rc-admin").post("/api/projects/" + project + "/recommender/train").then().statusCode(202);
        JsonPath trained = trained(null);
        String page = accounts.as("rc-rev").accept(ContentType.HTML).get("/projects/" + project + "/recommender")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"recommender-state\">TRAINED<"), page);
        assertTrue(page.contains(">" + trained.getInt("trainedOn") + "</strong> approved spans"), page);
        assertTrue(page.contains("id=\"per-label\"") && page.contains("Location"), page);
        assertFalse(page.contains("id=\"train\""), "reviewers do not train");
        String admin = accounts.as("rc-admin").accept(ContentType.HTML).get("/projects/" + project + "/recommender")
                .then().statusCode(200).extract().asString();
        assertTrue(admin.contains("action=\"/projects/" + project + "/recommender/train\""), admin);
        accounts.as("rc-ed").accept(ContentType.HTML).redirects().follow(false).get("/projects/" + project + "/recommender")
                .then().statusCode(403);
    }
}
