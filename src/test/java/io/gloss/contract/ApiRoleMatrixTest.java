package io.gloss.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every row of api.md, with every kind of caller: nobody → 401, the wrong role → 403, another
 * project's objects → 404, the author rule → 403; whoever may gets past all of them (bodies are
 * deliberately incomplete, so writes stop at validation and change nothing). Every refusal has
 * the error shape {@code {"error", "message"}}.
 */
@QuarkusTest
class ApiRoleMatrixTest {

    /** PROPOSED: a suggestion proposed to the author only, which every other member is told does not exist (404). */
    enum Scope { NONE, PROJECT, AUTHOR, PROPOSED }

    record Row(String method, String path, String contentType, String body, Set<String> roles, Scope scope) {
    }

    record Caller(String name, Set<String> roles, boolean member, boolean author) {
    }

    static final Set<String> ANY = Set.of();

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    final Map<String, String> tokens = new HashMap<>();
    long project;
    long article;
    long annotation;
    long relation;
    long entity;
    long doomedEntity;
    long suggestion;

    @BeforeEach
    void fixture() {
        for (Caller c : callers()) {
            if (c.roles() != null) {
                accounts.ensure(c.name(), c.roles().toArray(String[]::new));
            }
        }
        project = data.project("mx-editor", "mx-reviewer", "mx-author", "mx-editor-reviewer");
        article = data.article(project, "Matrix", "Zelensky spoke in Kyiv. Zelensky left.");
        annotation = accounts.as("mx-author").contentType("application/json")
                .body(Map.of("articleId", article, "label", "ACTOR", "start", 0, "end", 8, "quote", "Zelensky"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("mx-author").contentType("application/json").body(Map.of("scope", "article"))
                .post("/api/annotations/" + annotation + "/occurrences").then().statusCode(200);
        suggestion = accounts.as("mx-author").get("/api/articles/" + article + "/suggestions").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        long place = accounts.as("mx-author").contentType("application/json")
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 18, "end", 22, "quote", "Kyiv"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("mx-admin").contentType("application/json")
                .body(Map.of("key", "SPOKE_IN", "from", List.of("ACTOR"), "to", List.of("LOCATION")))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
        relation = accounts.as("mx-author").contentType("application/json")
                .body(Map.of("type", "SPOKE_IN", "fromId", annotation, "toId", place))
                .post("/api/relations").then().statusCode(201).extract().jsonPath().getLong("id");
        entity = accounts.as("mx-author").contentType("application/json").body(Map.of("name", "Zelensky", "type", "ACTOR"))
                .post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath().getLong("id");
        doomedEntity = accounts.as("mx-author").contentType("application/json").body(Map.of("name", "Kyiv", "type", "LOCATION"))
                .post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Caller c : callers()) {
            if (c.roles() != null && !tokens.containsKey(c.name())) {
                tokens.put(c.name(), accounts.as(c.name()).contentType("application/json").body(Map.of("name", "matrix"))
                        .post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token"));
            }
        }
    }

    static List<Caller> callers() {
        return List.of(
                new Caller("anonymous", null, false, false),
                new Caller("mx-editor", Set.of("editor"), true, false),
                new Caller("mx-author", Set.of("editor"), true, true),
                new Caller("mx-reviewer", Set.of("reviewer"), true, false),
                new Caller("mx-editor-reviewer", Set.of("editor", "reviewer"), true, false),
                new Caller("mx-out-editor", Set.of("editor"), false, false),
                new Caller("mx-out-reviewer", Set.of("reviewer"), false, false),
                new Caller("mx-admin", Set.of("admin"), true, false));
    }

    List<Row> rows() {
        String json = "application/json";
        String a = "/api/annotations/" + annotation;
        String p = "/api/projects/" + project;
        String noOffsets = "{\"articleId\": " + article + ", \"label\": \"ACTOR\"}";
        return List.of(
                new Row("GET", "/api/me", null, null, ANY, Scope.NONE),
                new Row("GET", "/api/me/tokens", null, null, ANY, Scope.NONE),
                new Row("POST", "/api/me/tokens", json, "{}", ANY, Scope.NONE),
                new Row("POST", "/api/users", json, "{}", Set.of("admin"), Scope.NONE),
                new Row("POST", p + "/members", json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("GET", "/api/projects", null, null, ANY, Scope.NONE),
                new Row("POST", "/api/projects", json, "{}", Set.of("admin"), Scope.NONE),
                new Row("GET", p, null, null, ANY, Scope.PROJECT),
                new Row("GET", p + "/labels", null, null, ANY, Scope.PROJECT),
                new Row("POST", p + "/labels", json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("POST", p + "/articles", json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("POST", p + "/articles/import", "application/x-ndjson", "", Set.of("admin"), Scope.PROJECT),
                new Row("POST", p + "/import/brat", "application/zip", "", Set.of("admin"), Scope.PROJECT),
                new Row("POST", p + "/import/w3c", "application/ld+json", "[]", Set.of("admin"), Scope.PROJECT),
                new Row("GET", p + "/articles", null, null, ANY, Scope.PROJECT),
                new Row("GET", "/api/articles/" + article, null, null, ANY, Scope.PROJECT),
                new Row("GET", "/api/articles/" + article + "/annotations", null, null, ANY, Scope.PROJECT),
                new Row("POST", "/api/annotations", json, noOffsets, Set.of("editor"), Scope.PROJECT),
                new Row("GET", a, null, null, ANY, Scope.PROJECT),
                new Row("GET", "/api/articles/" + article + "/suggestions", null, null, Set.of("editor"), Scope.PROJECT),
                new Row("POST", a + "/occurrences", json, "{}", Set.of("editor"), Scope.AUTHOR),
                new Row("POST", "/api/articles/" + article + "/suggestions/accept?label=LOCATION", null, null, Set.of("editor"),
                        Scope.PROJECT),
                // Rejected first, then accepted all the same: both are the author's, the only one it is proposed to.
                new Row("POST", "/api/suggestions/" + suggestion + "/reject", null, null, Set.of("editor"), Scope.PROPOSED),
                new Row("POST", "/api/suggestions/" + suggestion + "/accept", null, null, Set.of("editor"), Scope.PROPOSED),
                new Row("PUT", a, json, "{}", Set.of("editor"), Scope.AUTHOR),
                new Row("POST", a + "/decision", json, "{}", Set.of("reviewer"), Scope.PROJECT),
                new Row("POST", "/api/decisions", json, "{}", Set.of("reviewer"), Scope.NONE),
                new Row("GET", "/api/review/queue", null, null, Set.of("reviewer"), Scope.NONE),
                new Row("GET", "/api/review/relations", null, null, Set.of("reviewer"), Scope.NONE),
                new Row("GET", p + "/agreement", null, null, Set.of("reviewer", "admin"), Scope.PROJECT),
                new Row("GET", p + "/recommender", null, null, Set.of("reviewer", "admin"), Scope.PROJECT),
                // Nothing is approved in the fixture: the admin gets past every check to the 409 that says so.
                new Row("POST", p + "/recommender/train", null, null, Set.of("admin"), Scope.PROJECT),
                new Row("GET", p + "/stats", null, null, ANY, Scope.PROJECT),
                new Row("GET", "/api/search?q=zelensky", null, null, ANY, Scope.NONE),
                new Row("GET", "/api/search?q=zelensky&project=" + project, null, null, ANY, Scope.PROJECT),
                new Row("GET", "/api/audit", null, null, Set.of("admin"), Scope.NONE),
                new Row("PUT", p, json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("PUT", p + "/labels/CLAIM", json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("DELETE", p + "/labels/LOCATION", null, null, Set.of("admin"), Scope.PROJECT),
                new Row("GET", p + "/relation-types", null, null, ANY, Scope.PROJECT),
                new Row("POST", p + "/relation-types", json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("GET", "/api/articles/" + article + "/relations", null, null, ANY, Scope.PROJECT),
                new Row("POST", "/api/relations", json, "{\"fromId\": " + annotation + ", \"toId\": " + annotation + "}",
                        Set.of("editor"), Scope.PROJECT),
                new Row("GET", "/api/relations/" + relation, null, null, ANY, Scope.PROJECT),
                new Row("PUT", "/api/relations/" + relation, json, "{}", Set.of("editor"), Scope.AUTHOR),
                new Row("POST", "/api/relations/" + relation + "/decision", json, "{}", Set.of("reviewer"), Scope.PROJECT),
                new Row("GET", p + "/assignments", null, null, ANY, Scope.PROJECT),
                new Row("GET", p + "/entities", null, null, ANY, Scope.PROJECT),
                new Row("GET", p + "/entities?q=zelenskiy", null, null, ANY, Scope.PROJECT),
                new Row("POST", p + "/entities", json, "{}", Set.of("editor"), Scope.PROJECT),
                new Row("GET", "/api/entities/" + entity, null, null, ANY, Scope.PROJECT),
                new Row("PUT", "/api/entities/" + entity, json, "{\"qid\": \"x\"}", Set.of("editor"), Scope.PROJECT),
                new Row("POST", "/api/entities/" + entity + "/merge", json, "{}", Set.of("reviewer", "admin"), Scope.PROJECT),
                new Row("GET", "/api/entities/" + entity + "/mentions", null, null, ANY, Scope.PROJECT),
                new Row("GET", p + "/claims", null, null, ANY, Scope.PROJECT),
                new Row("GET", p + "/claims?entity=" + entity + "&status=approved", null, null, ANY, Scope.PROJECT),
                // The admin, the last caller, deletes it: no row after this one uses it.
                new Row("DELETE", "/api/entities/" + doomedEntity, null, null, Set.of("admin"), Scope.PROJECT),
                new Row("POST", p + "/assignments", json, "{}", Set.of("admin"), Scope.PROJECT),
                new Row("GET", p + "/articles?retired=true", null, null, ANY, Scope.PROJECT),
                // Retired by the admin, then restored: the rows below find the article live again.
                new Row("DELETE", "/api/articles/" + article, null, null, Set.of("admin"), Scope.PROJECT),
                new Row("POST", "/api/articles/" + article + "/restore", null, null, Set.of("admin"), Scope.PROJECT),
                new Row("GET", p + "/backup", null, null, Set.of("admin"), Scope.PROJECT),
                new Row("POST", "/api/projects/restore", "application/zip", "", Set.of("admin"), Scope.NONE),
                new Row("GET", "/api/articles/" + article + "/curation", null, null, Set.of("reviewer"), Scope.PROJECT),
                new Row("POST", "/api/articles/" + article + "/curation", json, "{}", Set.of("reviewer"), Scope.PROJECT),
                // Last: it accepts the author's span (the only annotator agrees with themself), which no row above needs.
                new Row("POST", "/api/articles/" + article + "/curation/auto", null, null, Set.of("reviewer"),
                        Scope.PROJECT));
    }

    /** The status the contract promises, or 0 for "past every check" (a 2xx, or a 400/409 on the body). */
    static int expected(Row row, Caller caller) {
        if (caller.roles() == null) {
            return 401;
        }
        if (!row.roles().isEmpty() && row.roles().stream().noneMatch(caller.roles()::contains)) {
            return 403;
        }
        if (row.scope() != Scope.NONE && !caller.member()) {
            return 404;
        }
        if (row.scope() == Scope.AUTHOR && !caller.author()) {
            return 403;
        }
        if (row.scope() == Scope.PROPOSED && !caller.author()) {
            return 404;
        }
        return 0;
    }

    @Test
    void everyRowWithEveryCaller() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            for (Caller caller : callers()) {
                RequestSpecification request = given();
                if (caller.roles() != null) {
                    request.header("Authorization", "Token " + tokens.get(caller.name()));
                }
                if (row.contentType() != null) {
                    request.contentType(row.contentType()).body(row.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                Response response = request.request(row.method(), row.path());
                int status = response.statusCode();
                int want = expected(row, caller);
                boolean ok = want == 0 ? status < 300 || status == 400 || status == 409 : status == want;
                if (!ok) {
                    failures.add(row.method() + " " + row.path() + " as " + caller.name() + ": " + status
                            + " (expected " + (want == 0 ? "2xx/400/409" : want) + ") " + response.asString());
                }
                if (status >= 400) {
                    assertNotNull(response.jsonPath().getString("error"), row.path() + " error shape");
                    assertNotNull(response.jsonPath().getString("message"), row.path() + " error shape");
                }
                checked++;
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(rows().size() * callers().size(), checked);
    }

    @Test
    void onlyTheAuthorDeletes() {
        for (String other : List.of("mx-editor", "mx-editor-reviewer")) {
            given().header("Authorization", "Token " + tokens.get(other)).delete("/api/annotations/" + annotation)
                    .then().statusCode(403);
        }
        given().header("Authorization", "Token " + tokens.get("mx-out-editor")).delete("/api/annotations/" + annotation)
                .then().statusCode(404);
        given().header("Authorization", "Token " + tokens.get("mx-reviewer")).delete("/api/annotations/" + annotation)
                .then().statusCode(403);
        given().delete("/api/annotations/" + annotation).then().statusCode(401);
        given().header("Authorization", "Token " + tokens.get("mx-author")).delete("/api/annotations/" + annotation)
                .then().statusCode(204);
        assertFalse(tokens.isEmpty());
    }
}
