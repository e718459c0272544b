package io.gloss.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.gloss.TestAccounts;
import io.gloss.project.ProjectPagesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The users page as an admin uses it: add, deactivate (tokens fail at once), reset a password; all audited. */
@QuarkusTest
class UsersPageTest {

    @Inject
    TestAccounts accounts;


    @Test
    void anAdminAddsDeactivatesAndResetsAUser() {
        accounts.ensure("up-admin", "admin");
        String name = "up-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestAccounts.session("up-admin");
        String page = given().cookie("gloss-session", admin).get("/users").then().statusCode(200)
                .body(containsString("data-user=\"up-admin\"")).extract().asString();

        String said = ProjectPagesTest.postForm(admin, page, "/users", "username", name, "password", "first-password-1", "roles", "editor");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then()
                .body(containsString("Account " + name + " created.")).body(containsString("data-user=\"" + name + "\""));

        // They log in (the page shows it) and make a token.
        String session = LoginAndCsrfTest.login(name, "first-password-1");
        given().cookie("gloss-session", session).redirects().follow(false).get("/").then().statusCode(200).body(containsString(name));
        String token = given().auth().preemptive().basic(name, "first-password-1").contentType(ContentType.JSON)
                .body(Map.of("name", "script")).post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token");
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(200);
        given().cookie("gloss-session", admin).get("/users").then().body(org.hamcrest.Matchers.anyOf(containsString("min ago"), containsString("just now")));

        // Deactivated: the token and the session stop at once.
        ProjectPagesTest.postForm(admin, page, "/users/" + name, "roles", "editor", "roles", "reviewer");
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(401);
        given().cookie("gloss-session", session).redirects().follow(false).get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("up-admin", TestAccounts.PASSWORD).get("/api/users").then()
                .body("items.find { it.username == '" + name + "' }.active", equalTo(false))
                .body("items.find { it.username == '" + name + "' }.roles", hasItems("editor", "reviewer"));

        // Active again with a new password: the old one no longer opens it.
        ProjectPagesTest.postForm(admin, page, "/users/" + name, "roles", "editor", "active", "true");
        said = ProjectPagesTest.postForm(admin, page, "/users/" + name + "/password", "password", "second-password-2");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then().body(containsString("New password set"));
        given().auth().preemptive().basic(name, "first-password-1").get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(name, "second-password-2").get("/api/me").then().statusCode(200);

        given().auth().preemptive().basic("up-admin", TestAccounts.PASSWORD).queryParam("entity", "user").queryParam("limit", 500)
                .get("/api/audit").then().statusCode(200).body("items.action", hasItems("create", "update", "reset_password"));
        given().auth().preemptive().basic("up-admin", TestAccounts.PASSWORD).queryParam("entity", "token").queryParam("user", name)
                .get("/api/audit").then().statusCode(200).body("items[0].action", equalTo("create"))
                .body("items[0].after.name", equalTo("script"));
        accounts.ensure("up-editor", "editor");
        given().cookie("gloss-session", TestAccounts.session("up-editor")).get("/users").then().statusCode(403);
    }
}
