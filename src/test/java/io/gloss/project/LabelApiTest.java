package io.gloss.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins change, reorder, retire and restore labels; spans keep a retired label; every change is audited. */
@QuarkusTest
class LabelApiTest {

    static final String TEXT = "The port authority in Gdańsk said exports rose.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Test
    void labelsChangeAndRetireWithoutTouchingTheirSpans() {
        accounts.ensure("lb-admin", "admin");
        accounts.ensure("lb-editor", "editor");
        accounts.ensure("lb-reviewer", "reviewer");
        long project = data.project("lb-editor", "lb-reviewer");
        long article = data.article(project, "Port", TEXT);
        String labels = "/api/projects/" + project + "/labels/";
        long span = accounts.as("lb-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 22, "end", 28, "quote", "Gdańsk"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");

        accounts.as("lb-admin").contentType(ContentType.JSON)
                .body(Map.of("name", "Place", "color", "#1F77B4", "description", "Where it happens", "position", 0))
                .put(labels + "LOCATION").then().statusCode(200)
                .body("key", equalTo("LOCATION")).body("name", equalTo("Place")).body("color", equalTo("#1f77b4"))
                .body("shortcut", equalTo("l")).body("retired", equalTo(false));
        accounts.as("lb-admin").get("/api/projects/" + project + "/labels").then()
                .body("items.key", equalTo(List.of("LOCATION", "CLAIM", "ACTOR")));
        accounts.as("lb-admin").contentType(ContentType.JSON).body(Map.of("shortcut", "c"))
                .put(labels + "LOCATION").then().statusCode(409).body("message", containsString("shortcut c"));
        accounts.as("lb-admin").contentType(ContentType.JSON).body(Map.of("color", "blue"))
                .put(labels + "LOCATION").then().statusCode(400).body("field", equalTo("color"));
        accounts.as("lb-admin").contentType(ContentType.JSON).body(Map.of("name", " "))
                .put(labels + "LOCATION").then().statusCode(400).body("field", equalTo("name"));
        accounts.as("lb-admin").contentType(ContentType.JSON).body(Map.of("name", "X"))
                .put(labels + "NOPE").then().statusCode(404);
        accounts.as("lb-editor").contentType(ContentType.JSON).body(Map.of("name", "X"))
                .put(labels + "LOCATION").then().statusCode(403);

        // Retired: the span keeps it; no new span, no relabel, no correction can take it; its shortcut is free.
        accounts.as("lb-admin").delete(labels + "LOCATION").then().statusCode(204);
        accounts.as("lb-admin").get("/api/projects/" + project + "/labels").then()
                .body("items.find { it.key == 'LOCATION' }.retired", equalTo(true))
                .body("items.find { it.key == 'LOCATION' }.shortcut", nullValue());
        accounts.as("lb-editor").get("/api/annotations/" + span).then().statusCode(200).body("label", equalTo("LOCATION"));
        accounts.as("lb-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 4, "end", 18, "quote", "port authority"))
                .post("/api/annotations").then().statusCode(400).body("field", equalTo("label"))
                .body("message", containsString("retired"));
        long actor = accounts.as("lb-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "ACTOR", "start", 4, "end", 18, "quote", "port authority"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as("lb-editor").contentType(ContentType.JSON).body(Map.of("label", "LOCATION", "version", 0))
                .put("/api/annotations/" + actor).then().statusCode(400).body("message", containsString("retired"));
        // The span with the retired label can still get a note: its label is not being chosen anew.
        accounts.as("lb-editor").contentType(ContentType.JSON).body(Map.of("label", "LOCATION", "note", "city", "version", 0))
                .put("/api/annotations/" + span).then().statusCode(200);
        accounts.as("lb-reviewer").contentType(ContentType.JSON).body(Map.of("label", "LOCATION", "version", 0))
                .post("/api/annotations/" + actor + "/label").then().statusCode(400);
        accounts.as("lb-admin").contentType(ContentType.JSON).body(Map.of("shortcut", "l"))
                .put(labels + "CLAIM").then().statusCode(200).body("shortcut", equalTo("l"));

        // Restored, it may be used again.
        accounts.as("lb-admin").contentType(ContentType.JSON).body(Map.of("retired", false))
                .put(labels + "LOCATION").then().statusCode(200).body("retired", equalTo(false));
        accounts.as("lb-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 4, "end", 18, "quote", "port authority"))
                .post("/api/annotations").then().statusCode(201);

        given().auth().preemptive().basic("lb-admin", TestAccounts.PASSWORD).queryParam("entity", "label")
                .get("/api/audit").then().statusCode(200)
                .body("items.action", hasItems("update", "retire"))
                .body("items.after.name", not(hasItems("X")));
    }
}
