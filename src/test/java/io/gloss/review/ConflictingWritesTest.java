package io.gloss.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.AnnotationTransition;
import io.gloss.audit.AuditEvent;
import io.gloss.text.Offsets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads revise and decide the same annotations at once. Afterwards: every answered write
 * is counted exactly once in the version and the audit trail (no lost update), every history is a
 * legal chain ending in the current status, and every approved span still quotes its article.
 */
@QuarkusTest
class ConflictingWritesTest {

    static final String TEXT = "Zelensky said two soldiers were captured in Kursk — “they are alive”. Seoul confirmed it on Sunday.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    String token(String user) {
        return accounts.as(user).contentType("application/json").body(Map.of("name", "race"))
                .post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token");
    }

    @Test
    void noLostUpdateAndEveryInvariantHolds() throws Exception {
        accounts.ensure("race-editor", "editor");
        accounts.ensure("race-reviewer-1", "reviewer");
        accounts.ensure("race-reviewer-2", "reviewer");
        long project = data.project("race-editor", "race-reviewer-1", "race-reviewer-2");
        long article = data.article(project, "Race", TEXT);
        Map<String, String> tokens = Map.of("race-editor", token("race-editor"),
                "race-reviewer-1", token("race-reviewer-1"), "race-reviewer-2", token("race-reviewer-2"));
        List<Long> ids = new ArrayList<>();
        for (String word : List.of("Zelensky", "two soldiers", "Kursk", "“they are alive”", "Seoul", "Sunday")) {
            int start = Offsets.length(TEXT.substring(0, TEXT.indexOf(word)));
            ids.add(given().header("Authorization", "Token " + tokens.get("race-editor")).contentType("application/json")
                    .body(Map.of("articleId", article, "label", "CLAIM", "start", start, "end", start + Offsets.length(word),
                            "quote", word))
                    .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        Map<Long, AtomicInteger> applied = new ConcurrentHashMap<>();
        ids.forEach(id -> applied.put(id, new AtomicInteger()));
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            String user = t < 2 ? "race-editor" : t < 4 ? "race-reviewer-1" : "race-reviewer-2";
            Random random = new Random(t);
            work.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    long id = ids.get(random.nextInt(ids.size()));
                    String auth = "Token " + tokens.get(user);
                    JsonPath current = given().header("Authorization", auth).get("/api/annotations/" + id).jsonPath();
                    int version = current.getInt("version");
                    Response r;
                    if (user.equals("race-editor")) {
                        Map<String, Object> change = new HashMap<>();
                        change.put("note", user + " " + i + " " + random.nextInt()); // always a change
                        change.put("label", random.nextBoolean() ? "ACTOR" : "CLAIM");
                        change.put("version", version);
                        r = given().header("Authorization", auth).contentType("application/json").body(change)
                                .put("/api/annotations/" + id);
                    } else {
                        boolean approve = random.nextBoolean();
                        Map<String, Object> decision = new HashMap<>();
                        decision.put("decision", approve ? "APPROVE" : "REJECT");
                        decision.put("comment", approve ? null : "no");
                        decision.put("version", version);
                        r = given().header("Authorization", auth).contentType("application/json").body(decision)
                                .post("/api/annotations/" + id + "/decision");
                    }
                    if (r.statusCode() == 200) {
                        applied.get(id).incrementAndGet();
                    } else {
                        assertEquals(409, r.statusCode(), r.asString()); // stale or already decided, nothing else
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertTrue(refused.get() > 0, "the threads did collide");

        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : ids) {
                Annotation a = Annotation.findById(id);
                int writes = applied.get(id).get();
                assertEquals(writes, a.version, "every answered write counted once in the version of " + id);
                assertEquals(1 + writes, AuditEvent.count("entity = 'annotation' and entityId = ?1", id),
                        "one audit event per answered write of " + id);
                List<AnnotationTransition> history = AnnotationTransition.of(id);
                AnnotationStatus state = null;
                for (AnnotationTransition step : history) {
                    assertEquals(state, step.from, "the history of " + id + " is a chain");
                    assertTrue(state == null ? step.to == AnnotationStatus.SUBMITTED : state.canMoveTo(step.to));
                    state = step.to;
                }
                assertEquals(a.status, state, "the history of " + id + " ends in its status");
                if (a.status == AnnotationStatus.APPROVED) {
                    assertEquals(Offsets.slice(a.article.text, a.start, a.end), a.quote, "an approved span quotes its article");
                }
            }
        });
    }
}
