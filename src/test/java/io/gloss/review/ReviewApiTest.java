package io.gloss.review;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.AnnotationTransition;
import io.gloss.audit.AuditEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decisions through the API by real accounts: workflow, four-eyes, concurrency, bulk, audit. */
@QuarkusTest
class ReviewApiTest {

    static final String TEXT = "Zelensky said two soldiers were captured in Kursk. Pyongyang did not comment. Seoul confirmed.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        accounts.ensure("rv-editor", "editor");
        accounts.ensure("rv-reviewer", "reviewer");
        accounts.ensure("rv-reviewer2", "reviewer");
        accounts.ensure("rv-all", "admin", "reviewer", "editor");
        accounts.ensure("rv-outsider", "reviewer");
        projectId = data.project("rv-editor", "rv-reviewer", "rv-reviewer2");
        articleId = data.article(projectId, "Review", TEXT);
    }

    long annotate(String user, String needle, String label) {
        int start = TEXT.indexOf(needle);
        return accounts.as(user).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", label, "start", start, "end", start + needle.length(), "quote", needle))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    Response decide(String user, long id, String decision, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return accounts.as(user).contentType(ContentType.JSON).body(body).post("/api/annotations/" + id + "/decision");
    }

    @Test
    void approveRecordsReviewerHistoryAndAudit() {
        long id = annotate("rv-editor", "Zelensky", "ACTOR");
        decide("rv-reviewer", id, "APPROVE", null).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("reviewer", equalTo("rv-reviewer")).body("version", equalTo(1));
        accounts.as("rv-editor").get("/api/annotations/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("history", hasSize(2))
                .body("history[0].from", nullValue()).body("history[0].to", equalTo("SUBMITTED"))
                .body("history[0].user", equalTo("rv-editor"))
                .body("history[1].from", equalTo("SUBMITTED")).body("history[1].to", equalTo("APPROVED"))
                .body("history[1].user", equalTo("rv-reviewer"));
        accounts.as("rv-all").get("/api/audit?entity=annotation&id=" + id).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("approve")).body("items[0].user", equalTo("rv-reviewer"))
                .body("items[0].before.status", equalTo("SUBMITTED")).body("items[0].after.status", equalTo("APPROVED"))
                .body("items[1].action", equalTo("create")).body("items[1].before", nullValue());
    }

    @Test
    void rejectNeedsACommentAndRevisionSendsItBack() {
        long id = annotate("rv-editor", "Kursk", "LOCATION");
        decide("rv-reviewer", id, "REJECT", " ").then().statusCode(400).body("field", equalTo("comment"));
        decide("rv-reviewer", id, "REJECT", "Tag the region, not the city").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("comment", equalTo("Tag the region, not the city"));
        // Deciding again on a decided annotation is an illegal transition: 409 naming the state.
        decide("rv-reviewer2", id, "APPROVE", null).then().statusCode(409)
                .body("error", equalTo("already_decided")).body("message", containsString("REJECTED"))
                .body("message", containsString("rv-reviewer")).body("current.status", equalTo("REJECTED"));
        accounts.as("rv-editor").contentType(ContentType.JSON).body(Map.of("note", "region meant", "version", 1))
                .put("/api/annotations/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        decide("rv-reviewer2", id, "APPROVE", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        // An approved annotation changed by its author goes back to review too.
        accounts.as("rv-editor").contentType(ContentType.JSON).body(Map.of("label", "CLAIM", "version", 3))
                .put("/api/annotations/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        accounts.as("rv-editor").get("/api/annotations/" + id).then()
                .body("history.to", equalTo(List.of("SUBMITTED", "REJECTED", "SUBMITTED", "APPROVED", "SUBMITTED")));
    }

    @Test
    void badDecisionsAreClear() {
        long id = annotate("rv-editor", "Seoul", "LOCATION");
        decide("rv-reviewer", id, "MAYBE", null).then().statusCode(400).body("field", equalTo("decision"));
        decide("rv-reviewer", 987_654_321L, "APPROVE", null).then().statusCode(404);
        decide("rv-outsider", id, "APPROVE", null).then().statusCode(404); // not a member of the project
        decide("rv-editor", id, "APPROVE", null).then().statusCode(403); // not a reviewer
        accounts.as("rv-reviewer").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "version", 7))
                .post("/api/annotations/" + id + "/decision").then().statusCode(409).body("error", equalTo("stale"));
    }

    @Test
    void fourEyesHoldsForAUserWithEveryRole() {
        long id = annotate("rv-all", "Pyongyang", "ACTOR");
        decide("rv-all", id, "APPROVE", null).then().statusCode(403)
                .body("message", containsString("four-eyes"));
        accounts.as("rv-all").contentType(ContentType.JSON).body(Map.of("ids", List.of(id), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(409).body("results[0].error", equalTo("forbidden"));
        assertEquals(AnnotationStatus.SUBMITTED, status(id));
    }

    @Test
    void twoReviewersAtOnceOneWinsTheOtherLearnsWho() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = annotate("rv-editor", "two soldiers", round % 2 == 0 ? "CLAIM" : "ACTOR");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Response>> answers = new ArrayList<>();
            for (String reviewer : List.of("rv-reviewer", "rv-reviewer2")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return decide(reviewer, id, reviewer.endsWith("2") ? "REJECT" : "APPROVE", "seen");
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            String loserMessage = null;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                codes.add(r.statusCode());
                if (r.statusCode() == 409) {
                    loserMessage = r.jsonPath().getString("message");
                }
            }
            pool.shutdown();
            codes.sort(Integer::compare);
            assertEquals(List.of(200, 409), codes, "exactly one decision wins");
            assertTrue(loserMessage.contains("decided by rv-reviewer"), loserMessage);
            assertEquals(2, AnnotationTransition.of(id).size(), "one transition, not two");
            data.delete(id);
        }
    }

    @Test
    void bulkIsAllOrNothingAndReportsPerItem() {
        long a = annotate("rv-editor", "Zelensky", "ACTOR");
        long b = annotate("rv-editor", "Kursk", "LOCATION");
        long c = annotate("rv-editor", "Seoul", "LOCATION");
        decide("rv-reviewer", c, "APPROVE", null).then().statusCode(200);
        long auditBefore = auditCount(List.of(a, b, c));
        accounts.as("rv-reviewer2").contentType(ContentType.JSON).body(Map.of("ids", List.of(a, b, c), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(409).body("error", equalTo("bulk_refused"))
                .body("applied", equalTo(0))
                .body("results", hasSize(3))
                .body("results.find { it.id == " + c + " }.ok", equalTo(false))
                .body("results.find { it.id == " + c + " }.error", equalTo("already_decided"))
                .body("results.find { it.id == " + a + " }.ok", equalTo(true));
        assertEquals(AnnotationStatus.SUBMITTED, status(a));
        assertEquals(AnnotationStatus.SUBMITTED, status(b));
        assertEquals(auditBefore, auditCount(List.of(a, b, c)), "nothing applied, nothing audited");
        accounts.as("rv-reviewer2").contentType(ContentType.JSON).body(Map.of("ids", List.of(a, b), "decision", "REJECT", "comment", "No"))
                .post("/api/decisions").then().statusCode(200).body("applied", equalTo(2));
        assertEquals(AnnotationStatus.REJECTED, status(a));
        assertEquals(AnnotationStatus.REJECTED, status(b));
        accounts.as("rv-reviewer2").contentType(ContentType.JSON).body(Map.of("ids", List.of(), "decision", "REJECT"))
                .post("/api/decisions").then().statusCode(400).body("field", equalTo("ids"));
    }

    @Test
    void reviewersCorrectLabelsAndADecidedOneGoesBackToReview() {
        long id = annotate("rv-editor", "Seoul", "ACTOR");
        accounts.as("rv-reviewer").contentType(ContentType.JSON).body(Map.of("label", "LOCATION"))
                .post("/api/annotations/" + id + "/label").then().statusCode(200)
                .body("label", equalTo("LOCATION")).body("status", equalTo("SUBMITTED")).body("author", equalTo("rv-editor"));
        decide("rv-reviewer2", id, "APPROVE", null).then().statusCode(200);
        accounts.as("rv-reviewer").contentType(ContentType.JSON).body(Map.of("label", "CLAIM"))
                .post("/api/annotations/" + id + "/label").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        accounts.as("rv-reviewer").contentType(ContentType.JSON).body(Map.of("label", "WEAPON"))
                .post("/api/annotations/" + id + "/label").then().statusCode(400).body("field", equalTo("label"));
        accounts.as("rv-editor").contentType(ContentType.JSON).body(Map.of("label", "ACTOR"))
                .post("/api/annotations/" + id + "/label").then().statusCode(403); // editors revise with PUT
        accounts.as("rv-all").get("/api/audit?entity=annotation&id=" + id + "&action=relabel").then()
                .body("items", hasSize(2)).body("items[0].after.label", equalTo("CLAIM"));
    }

    @Test
    void whoeverCorrectedTheLabelMayNotDecideOnIt() {
        long id = annotate("rv-editor", "Kursk", "ACTOR");
        relabel("rv-reviewer", id, "LOCATION").then().statusCode(200);
        decide("rv-reviewer", id, "APPROVE", null).then().statusCode(403)
                .body("error", equalTo("forbidden")).body("message", containsString("changed its label"));
        accounts.as("rv-reviewer").contentType(ContentType.JSON).body(Map.of("ids", List.of(id), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(409).body("results[0].error", equalTo("forbidden"));
        assertEquals(AnnotationStatus.SUBMITTED, status(id));

        // Approved by another reviewer, then relabelled: back in review, and again not for the one who relabelled.
        decide("rv-reviewer2", id, "APPROVE", null).then().statusCode(200);
        relabel("rv-reviewer", id, "CLAIM").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        decide("rv-reviewer", id, "APPROVE", null).then().statusCode(403);
        decide("rv-reviewer", id, "REJECT", "Not a claim after all").then().statusCode(403);

        // The last change of the label counts: another reviewer's correction frees the first one to decide,
        // and so does the author's own change of label.
        relabel("rv-reviewer2", id, "LOCATION").then().statusCode(200);
        decide("rv-reviewer2", id, "APPROVE", null).then().statusCode(403);
        long other = annotate("rv-editor", "Seoul", "ACTOR");
        relabel("rv-reviewer", other, "CLAIM").then().statusCode(200);
        accounts.as("rv-editor").contentType(ContentType.JSON).body(Map.of("label", "LOCATION", "version", 1))
                .put("/api/annotations/" + other).then().statusCode(200);
        decide("rv-reviewer", other, "APPROVE", null).then().statusCode(200);
        decide("rv-reviewer", id, "APPROVE", null).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    Response relabel(String user, long id, String label) {
        return accounts.as(user).contentType(ContentType.JSON).body(Map.of("label", label)).post("/api/annotations/" + id + "/label");
    }

    @Test
    void deleteIsAudited() {
        long id = annotate("rv-editor", "Pyongyang", "ACTOR");
        accounts.as("rv-editor").delete("/api/annotations/" + id).then().statusCode(204);
        accounts.as("rv-all").get("/api/audit?entity=annotation&id=" + id + "&action=delete").then()
                .body("items", hasSize(1)).body("items[0].user", equalTo("rv-editor"))
                .body("items[0].before.quote", equalTo("Pyongyang")).body("items[0].after", nullValue());
        accounts.as("rv-editor").get("/api/audit").then().statusCode(403);
        accounts.as("rv-all").get("/api/audit?from=yesterday").then().statusCode(400).body("field", equalTo("from"));
    }

    static AnnotationStatus status(long id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Annotation.<Annotation>findById(id).status);
    }

    /** Counts what the bulk's reviewer or anyone wrote about these spans: the whole audit table also takes rows that
     *  other tests' background work writes meanwhile (CI once counted 9 of them). */
    static long auditCount(List<Long> spans) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "actor = ?1 or (entity = 'annotation' and entityId in ?2)", "rv-reviewer2", spans));
    }
}
