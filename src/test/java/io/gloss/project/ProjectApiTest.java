package io.gloss.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {

    @Inject
    TestData data;

    @Inject
    io.gloss.TestAccounts accounts;

    @Test
    @TestSecurity(user = "boss", roles = "admin")
    void adminsCreateProjectsLabelsAndMembers() {
        String name = "Election claims " + UUID.randomUUID();
        long id = given().contentType(ContentType.JSON).body(Map.of("name", name, "guidelines", "Tag claims."))
                .post("/api/projects").then().statusCode(201).body("name", equalTo(name)).body("labels", hasSize(0))
                .extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/projects").then()
                .statusCode(409).body("error", equalTo("duplicate"));
        given().contentType(ContentType.JSON)
                .body(Map.of("key", "claim", "name", "Claim", "color", "#E4572E", "shortcut", "C", "description", "A claim"))
                .post("/api/projects/" + id + "/labels").then().statusCode(201)
                .body("key", equalTo("CLAIM")).body("color", equalTo("#e4572e")).body("shortcut", equalTo("c"));
        given().contentType(ContentType.JSON).body(Map.of("key", "OTHER", "color", "red"))
                .post("/api/projects/" + id + "/labels").then().statusCode(400).body("field", equalTo("color"));
        given().contentType(ContentType.JSON).body(Map.of("key", "OTHER", "shortcut", "c"))
                .post("/api/projects/" + id + "/labels").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("key", "CLAIM"))
                .post("/api/projects/" + id + "/labels").then().statusCode(409);
        given().get("/api/projects/" + id).then().statusCode(200).body("labels.key", hasItem("CLAIM"));
        given().get("/api/projects/" + id + "/labels").then().statusCode(200).body("items", hasSize(1));
        accounts.ensure("member-one", "editor"); // only existing users can be added
        given().contentType(ContentType.JSON).body(Map.of("username", "member-one"))
                .post("/api/projects/" + id + "/members").then().statusCode(204);
        given().get("/api/projects?limit=500").then().statusCode(200).body("items.name", hasItem(name));
    }

    @Test
    void adminsChangeAProjectsTextsAndHowItIsAnnotated() {
        accounts.ensure("set-admin", "admin");
        accounts.ensure("set-editor", "editor");
        String name = "Settings " + UUID.randomUUID();
        long id = accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/projects").then().statusCode(201)
                .body("annotatorsPerArticle", equalTo(1)).body("blind", equalTo(false))
                .extract().jsonPath().getLong("id");
        accounts.as("set-admin").contentType(ContentType.JSON)
                .body(Map.of("name", name + " (blind)", "guidelines", "Mark every claim.", "annotatorsPerArticle", 3,
                        "blind", true))
                .put("/api/projects/" + id).then().statusCode(200)
                .body("name", equalTo(name + " (blind)")).body("guidelines", equalTo("Mark every claim."))
                .body("annotatorsPerArticle", equalTo(3)).body("blind", equalTo(true));
        // Settings left out keep their value; the texts are what the form sends.
        accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("name", name))
                .put("/api/projects/" + id).then().statusCode(200)
                .body("annotatorsPerArticle", equalTo(3)).body("blind", equalTo(true));
        for (int bad : new int[] {0, 11}) {
            accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("name", name, "annotatorsPerArticle", bad))
                    .put("/api/projects/" + id).then().statusCode(400).body("field", equalTo("annotatorsPerArticle"));
        }
        String other = "Other " + UUID.randomUUID();
        accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("name", other)).post("/api/projects")
                .then().statusCode(201);
        accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("name", other))
                .put("/api/projects/" + id).then().statusCode(409).body("error", equalTo("duplicate"));
        accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("annotatorsPerArticle", 2))
                .put("/api/projects/" + id).then().statusCode(400).body("field", equalTo("name"));
        accounts.as("set-editor").contentType(ContentType.JSON).body(Map.of("name", name))
                .put("/api/projects/" + id).then().statusCode(403);
        accounts.as("set-admin").contentType(ContentType.JSON).body(Map.of("name", name))
                .put("/api/projects/999999999").then().statusCode(404);
        accounts.as("set-admin").get("/api/projects/" + id).then().statusCode(200)
                .body("annotatorsPerArticle", equalTo(3)).body("blind", equalTo(true));
    }

    @Test
    void removingAMemberHidesTheProjectAtOnce() {
        accounts.ensure("mem-admin", "admin");
        accounts.ensure("mem-editor", "editor");
        long id = data.project("mem-editor");
        long article = data.article(id, "Members", "Seoul confirmed.");
        accounts.as("mem-editor").get("/api/articles/" + article).then().statusCode(200);
        accounts.as("mem-admin").get("/api/projects/" + id + "/members").then().statusCode(200)
                .body("items.username", hasItem("mem-editor"));
        accounts.as("mem-admin").delete("/api/projects/" + id + "/members/mem-editor").then().statusCode(204);
        accounts.as("mem-editor").get("/api/articles/" + article).then().statusCode(404);
        accounts.as("mem-editor").get("/api/projects").then().body("items.id", not(hasItem((int) id)));
        accounts.as("mem-admin").delete("/api/projects/" + id + "/members/mem-editor").then().statusCode(404);
        accounts.as("mem-admin").contentType(ContentType.JSON).body(Map.of("username", "bad name!"))
                .post("/api/projects/" + id + "/members").then().statusCode(400).body("field", equalTo("username"));
        accounts.as("mem-editor").get("/api/projects/" + id + "/members").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "member-two", roles = "editor")
    void membersSeeTheirProjectsOnly() {
        long mine = data.project("member-two");
        long theirs = data.project("someone-else");
        given().get("/api/projects?limit=500").then().statusCode(200)
                .body("items.id", hasItem((int) mine)).body("items.id", not(hasItem((int) theirs)));
        given().get("/api/projects/" + theirs).then().statusCode(404);
        given().get("/api/projects/" + theirs + "/labels").then().statusCode(404);
        given().get("/api/projects/" + theirs + "/articles").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "Nope")).post("/api/projects").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "me-test", roles = {"editor", "reviewer"})
    void meNamesTheUserAndRoles() {
        given().get("/api/me").then().statusCode(200).body("username", equalTo("me-test"))
                .body("roles", equalTo(java.util.List.of("editor", "reviewer")));
    }

    @Test
    void openApiDocumentListsTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/annotations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/projects/{id}/articles/import"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/articles/{id}/annotations"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
