package io.gloss.curation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.assignment.Assignment;
import io.gloss.assignment.AssignmentState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Curation through the API: units, accepting agreed ones, resolving disputes, four-eyes, all or nothing. */
@QuarkusTest
class CurationApiTest {

    static final String TEXT = "Zelensky said two soldiers were captured in Kursk Oblast. Pyongyang did not comment. Seoul confirmed.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        accounts.ensure("cu-ann", "editor");
        accounts.ensure("cu-bob", "editor");
        accounts.ensure("cu-cy", "editor");
        accounts.ensure("cu-curator", "reviewer", "editor");
        accounts.ensure("cu-reviewer", "reviewer");
        accounts.ensure("cu-outsider", "reviewer");
        projectId = data.project("cu-ann", "cu-bob", "cu-cy", "cu-curator", "cu-reviewer");
        articleId = data.article(projectId, "Curation", TEXT);
    }

    void assign(String username, String state) {
        assign(projectId, articleId, username, AssignmentState.valueOf(state));
    }

    /** An assignment of the article in the given state (the assignment feature's own rules are tested there). */
    static void assign(long projectId, long articleId, String username, AssignmentState state) {
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment assignment = new Assignment();
            assignment.projectId = projectId;
            assignment.articleId = articleId;
            assignment.username = username;
            assignment.state = state;
            assignment.createdAt = Instant.now();
            assignment.updatedAt = assignment.createdAt;
            assignment.persist();
        });
    }

    long annotate(String user, String needle, String label) {
        return annotate(user, needle, label, 0);
    }

    long annotate(String user, String needle, String label, int extra) {
        int start = TEXT.indexOf(needle);
        String quote = TEXT.substring(start, start + needle.length() + extra);
        return accounts.as(user).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", label, "start", start, "end", start + quote.length(),
                        "quote", quote))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonPath curation(String user) {
        return accounts.as(user).get("/api/articles/" + articleId + "/curation").then().statusCode(200)
                .extract().jsonPath();
    }

    Response curate(String user, List<Long> accept, List<Long> reject, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("accept", accept);
        body.put("reject", reject);
        body.put("comment", comment);
        return accounts.as(user).contentType(ContentType.JSON).body(body)
                .post("/api/articles/" + articleId + "/curation");
    }

    static AnnotationStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Annotation.<Annotation>findById(id).status);
    }

    @Test
    void unitsGroupTheDoneAnnotatorsSpans() {
        long ann = annotate("cu-ann", "Zelensky", "ACTOR");
        long bob = annotate("cu-bob", "Zelensky", "ACTOR");
        long annKursk = annotate("cu-ann", "Kursk", "LOCATION");
        long bobKursk = annotate("cu-bob", "Kursk", "LOCATION", 7); // "Kursk Oblast"
        annotate("cu-cy", "Seoul", "LOCATION"); // still at work: left out
        assign("cu-ann", "DONE");
        assign("cu-bob", "DONE");
        assign("cu-cy", "IN_PROGRESS");
        JsonPath c = curation("cu-curator");
        assertEquals(List.of("cu-ann", "cu-bob"), c.getList("annotators"));
        assertEquals(2, c.getList("units").size());
        assertEquals("AGREED", c.getString("units[0].state"));
        assertEquals(List.of((int) ann, (int) bob), c.getList("units[0].candidates[0].annotationIds"));
        assertEquals(List.of("cu-ann", "cu-bob"), c.getList("units[0].candidates[0].annotators"));
        assertEquals("ACTOR", c.getString("units[0].candidates[0].label"));
        assertEquals("DISPUTED", c.getString("units[1].state"));
        assertEquals(TEXT.indexOf("Kursk"), c.getInt("units[1].start"));
        assertEquals(TEXT.indexOf("Kursk") + 12, c.getInt("units[1].end"));
        assertEquals(List.of((int) annKursk, (int) bobKursk), c.getList("units[1].candidates.annotationIds.flatten()"));
    }

    @Test
    void autoAcceptsAgreedUnitsAndMergesTheTwins() {
        long ann = annotate("cu-ann", "Zelensky", "ACTOR");
        long bob = annotate("cu-bob", "Zelensky", "ACTOR");
        long cy = annotate("cu-cy", "Zelensky", "ACTOR");
        annotate("cu-ann", "Seoul", "LOCATION");
        assign("cu-ann", "DONE");
        assign("cu-bob", "DONE");
        assign("cu-cy", "IN_PROGRESS");
        accounts.as("cu-curator").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200)
                .body("accepted", equalTo(1)).body("skipped", hasSize(0));
        assertEquals(AnnotationStatus.APPROVED, status(ann));
        assertEquals(AnnotationStatus.MERGED, status(bob));
        assertEquals(AnnotationStatus.SUBMITTED, status(cy), "cy is still at work: a merge would tell them others agree");
        accounts.as("cu-ann").get("/api/annotations/" + ann).then().statusCode(200)
                .body("annotators", equalTo(List.of("cu-ann", "cu-bob"))).body("reviewer", equalTo("cu-curator"))
                .body("mergedInto", nullValue());
        accounts.as("cu-bob").get("/api/annotations/" + bob).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo((int) ann))
                .body("annotators", equalTo(List.of("cu-bob")))
                .body("history.to", equalTo(List.of("SUBMITTED", "MERGED")));
        accounts.as("cu-ann").get("/api/articles/" + articleId + "/annotations").then().statusCode(200)
                .body("items.find { it.id == " + ann + " }.annotators", equalTo(List.of("cu-ann", "cu-bob")));
        JsonPath c = curation("cu-curator");
        assertEquals("CURATED", c.getString("units[0].state"));
        assertEquals("DISPUTED", c.getString("units[1].state"), "bob is done and gave no span on Seoul");
        // The merge is a change members see, and the approval already carries both annotators.
        accounts.as("cu-curator").get("/api/projects/" + projectId + "/changes").then().statusCode(200)
                .body("items.find { it.annotation.id == " + bob + " && it.type == 'decided' }.annotation.status",
                        equalTo("MERGED"))
                .body("items.find { it.annotation.id == " + ann + " && it.type == 'decided' }.annotation.annotators",
                        equalTo(List.of("cu-ann", "cu-bob")));
        // Nothing left that is agreed.
        accounts.as("cu-curator").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200)
                .body("accepted", equalTo(0));
    }

    @Test
    void aDisputeIsResolvedByAcceptingOneAndRejectingTheOther() {
        long ann = annotate("cu-ann", "Kursk", "LOCATION");
        long bob = annotate("cu-bob", "Kursk", "LOCATION", 7);
        long cy = annotate("cu-cy", "Kursk", "LOCATION", 7);
        curate("cu-curator", List.of(bob), List.of(ann), " ").then().statusCode(400).body("field", equalTo("comment"));
        curate("cu-curator", List.of(bob), List.of(cy), "no").then().statusCode(400).body("field", equalTo("reject"));
        curate("cu-curator", List.of(bob), List.of(ann), "The oblast, not the city").then().statusCode(200)
                .body("units[0].state", equalTo("CURATED")).body("annotators", equalTo(List.of("cu-ann", "cu-bob", "cu-cy")));
        assertEquals(AnnotationStatus.REJECTED, status(ann));
        assertEquals(AnnotationStatus.APPROVED, status(bob));
        assertEquals(AnnotationStatus.MERGED, status(cy));
        accounts.as("cu-ann").get("/api/annotations/" + ann).then().body("comment", equalTo("The oblast, not the city"));
        // The accepted span's author revises it: it no longer speaks for cy, whose span goes back to review.
        int version = accounts.as("cu-bob").get("/api/annotations/" + bob).then().extract().jsonPath().getInt("version");
        accounts.as("cu-bob").contentType(ContentType.JSON).body(Map.of("note", "checked", "version", version))
                .put("/api/annotations/" + bob).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("annotators", equalTo(List.of("cu-bob")));
        accounts.as("cu-cy").get("/api/annotations/" + cy).then().body("status", equalTo("SUBMITTED"))
                .body("mergedInto", nullValue()).body("history.to", equalTo(List.of("SUBMITTED", "MERGED", "SUBMITTED")));
    }

    @Test
    void theFourEyesRuleHoldsAndRefusesTheWholeCuration() {
        long own = annotate("cu-curator", "Seoul", "LOCATION");
        long ownTwin = annotate("cu-ann", "Pyongyang", "LOCATION");
        long mineToo = annotate("cu-curator", "Pyongyang", "LOCATION");
        long other = annotate("cu-ann", "Zelensky", "ACTOR");
        annotate("cu-ann", "Seoul", "LOCATION");
        assign("cu-curator", "DONE");
        assign("cu-ann", "DONE");
        curate("cu-curator", List.of(other, own), List.of(), null).then().statusCode(403)
                .body("message", containsString("four-eyes"));
        assertEquals(AnnotationStatus.SUBMITTED, status(other), "all or nothing");
        // Accepting the other annotator's twin of one's own span is four eyes: both gave it.
        curate("cu-curator", List.of(ownTwin), List.of(), null).then().statusCode(200);
        assertEquals(AnnotationStatus.MERGED, status(mineToo));
        // Seoul both gave: auto accepts ann's and merges the curator's into it.
        accounts.as("cu-curator").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200)
                .body("accepted", equalTo(1)).body("skipped", hasSize(0));
        assertEquals(AnnotationStatus.MERGED, status(own), "ann's Seoul was accepted, the curator's merged into it");
    }

    @Test
    void autoSkipsAUnitOnlyTheCuratorCanVouchFor() {
        long own = annotate("cu-curator", "Seoul", "LOCATION");
        assign("cu-curator", "DONE");
        accounts.as("cu-curator").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200)
                .body("accepted", equalTo(0)).body("skipped", hasSize(1))
                .body("skipped[0].start", equalTo(TEXT.indexOf("Seoul")))
                .body("skipped[0].message", containsString("four-eyes"));
        assertEquals(AnnotationStatus.SUBMITTED, status(own));
        accounts.as("cu-reviewer").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200)
                .body("accepted", equalTo(1));
        assertEquals(AnnotationStatus.APPROVED, status(own));
    }

    @Test
    void staleAndWrongIdsAreRefused() {
        long ann = annotate("cu-ann", "Kursk", "LOCATION");
        long bob = annotate("cu-bob", "Kursk", "LOCATION", 7);
        long gone = annotate("cu-cy", "Seoul", "LOCATION");
        accounts.as("cu-cy").delete("/api/annotations/" + gone).then().statusCode(204);
        curate("cu-curator", List.of(gone), List.of(), null).then().statusCode(409).body("error", equalTo("stale"));
        curate("cu-curator", List.of(987_654_321L), List.of(), null).then().statusCode(400).body("field", equalTo("accept"));
        curate("cu-curator", List.of(), List.of(), null).then().statusCode(400);
        curate("cu-curator", List.of(ann), List.of(bob), "city").then().statusCode(200);
        // Read before that curation, a second one finds bob's span decided already.
        curate("cu-reviewer", List.of(bob), List.of(), null).then().statusCode(409)
                .body("error", equalTo("already_decided"));
    }

    @Test
    void aCuratorDrawsTheRightSpanWhichWaitsForAnotherReviewer() {
        long ann = annotate("cu-ann", "Kursk", "LOCATION");
        int start = TEXT.indexOf("in Kursk");
        Map<String, Object> body = Map.of("reject", List.of(ann), "comment", "With the preposition",
                "draw", Map.of("label", "LOCATION", "start", start, "end", start + 8, "quote", "in Kursk"));
        long drawn = accounts.as("cu-curator").contentType(ContentType.JSON).body(body)
                .post("/api/articles/" + articleId + "/curation").then().statusCode(200)
                .body("drawn.author", equalTo("cu-curator")).body("drawn.status", equalTo("SUBMITTED"))
                .extract().jsonPath().getLong("drawn.id");
        assertEquals(AnnotationStatus.REJECTED, status(ann));
        curate("cu-curator", List.of(drawn), List.of(), null).then().statusCode(403);
        accounts.as("cu-reviewer").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + drawn + "/decision").then().statusCode(200);
    }

    @Test
    void onlyReviewersWhoAreMembersCurate() {
        accounts.as("cu-ann").get("/api/articles/" + articleId + "/curation").then().statusCode(403);
        accounts.as("cu-ann").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(403);
        accounts.as("cu-outsider").get("/api/articles/" + articleId + "/curation").then().statusCode(404);
        accounts.as("cu-outsider").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(404);
        accounts.as("cu-reviewer").get("/api/articles/987654321/curation").then().statusCode(404);
    }

    @Test
    void nobodyDoneMeansNothingToCurate() {
        assign("cu-ann", "IN_PROGRESS");
        annotate("cu-ann", "Seoul", "LOCATION");
        JsonPath c = curation("cu-reviewer");
        assertEquals(List.of(), c.getList("annotators"));
        assertEquals(List.of(), c.getList("units"));
    }

    @Test
    void twoCuratorsAcceptingTwinsAtOnceLeaveOneAcceptedAndTheOtherMerged() throws Exception {
        long ann = annotate("cu-ann", "Zelensky", "ACTOR");
        long bob = annotate("cu-bob", "Zelensky", "ACTOR");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = pool.submit(() -> curate("cu-curator", List.of(ann), List.of(), null));
            Future<Response> second = pool.submit(() -> curate("cu-reviewer", List.of(bob), List.of(), null));
            List<Integer> statuses = new ArrayList<>(List.of(first.get().statusCode(), second.get().statusCode()));
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, "one wins, the other is told it is too late");
        } finally {
            pool.shutdown();
        }
        List<AnnotationStatus> both = new ArrayList<>(List.of(status(ann), status(bob)));
        both.sort(null);
        assertEquals(List.of(AnnotationStatus.APPROVED, AnnotationStatus.MERGED), both);
    }
}
