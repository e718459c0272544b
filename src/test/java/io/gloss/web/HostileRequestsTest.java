package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nulls in lists, values too long for their column, unknown users, and what a 404 may tell. */
@QuarkusTest
class HostileRequestsTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Test
    void nullsInListsAndOverlongNamesAre400s() {
        accounts.ensure("requests-admin", "admin", "reviewer");
        long project = data.project("requests-admin");
        accounts.as("requests-admin").contentType(ContentType.JSON)
                .body(Map.of("key", "LONGNAME", "name", "n".repeat(101)))
                .post("/api/projects/" + project + "/labels").then().statusCode(400).body("field", equalTo("name"))
                .body("message", containsString("100"));
        for (List<Long> ids : List.of(Arrays.asList(null, 1L), Arrays.asList((Long) null))) {
            accounts.as("requests-admin").contentType(ContentType.JSON)
                    .body(Map.of("ids", ids, "decision", "APPROVE"))
                    .post("/api/decisions").then().statusCode(400).body("field", equalTo("ids"));
        }
    }

    @Test
    void addingAUserWhoDoesNotExistIsA404() {
        accounts.ensure("requests-admin", "admin", "reviewer");
        accounts.ensure("requests-known", "editor");
        long project = data.project();
        accounts.as("requests-admin").contentType(ContentType.JSON).body(Map.of("username", "nobody-by-this-name"))
                .post("/api/projects/" + project + "/members").then().statusCode(404)
                .body("error", equalTo("not_found")).body("message", containsString("nobody-by-this-name"));
        accounts.as("requests-admin").contentType(ContentType.JSON).body(Map.of("username", "requests-known"))
                .post("/api/projects/" + project + "/members").then().statusCode(204);
    }

    @Test
    void anAnnotationOfAnotherProjectLooksExactlyLikeOneThatDoesNotExist() {
        accounts.ensure("requests-author", "editor");
        accounts.ensure("requests-outsider", "editor", "reviewer");
        long project = data.project("requests-author");
        long article = data.article(project, "Secret title", "Secret text.");
        long id = accounts.as("requests-author").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "CLAIM", "start", 0, "end", 6, "quote", "Secret"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        long missing = id + 1_000_000;
        for (String method : List.of("GET", "PUT", "DELETE", "POST")) {
            Response hidden = request("requests-outsider", method, id);
            Response absent = request("requests-outsider", method, missing);
            assertEquals(404, hidden.statusCode(), method);
            assertEquals(absent.statusCode(), hidden.statusCode(), method);
            assertEquals(absent.asString().replace(String.valueOf(missing), "ID"),
                    hidden.asString().replace(String.valueOf(id), "ID"), method);
        }
    }

    private Response request(String user, String method, long id) {
        var spec = accounts.as(user).contentType(ContentType.JSON);
        return switch (method) {
            case "PUT" -> spec.body(Map.of("version", 0, "note", "x")).put("/api/annotations/" + id);
            case "DELETE" -> spec.delete("/api/annotations/" + id);
            case "POST" -> spec.body(Map.of("decision", "APPROVE")).post("/api/annotations/" + id + "/decision");
            default -> spec.get("/api/annotations/" + id);
        };
    }
}
