package io.gloss.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.gloss.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/users}: admins create local accounts. */
@QuarkusTest
class UserApiTest {

    @Inject
    TestAccounts accounts;

    @Test
    void adminsCreateAccountsThatCanLogIn() {
        accounts.ensure("users-admin", "admin");
        accounts.as("users-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "new-reviewer", "password", "long-enough-1", "roles", List.of("reviewer")))
                .post("/api/users").then().statusCode(201)
                .body("username", equalTo("new-reviewer")).body("roles", equalTo(List.of("reviewer")));
        given().auth().preemptive().basic("new-reviewer", "long-enough-1").get("/api/me").then().statusCode(200)
                .body("roles", equalTo(List.of("reviewer")));
        accounts.as("users-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "new-reviewer", "password", "long-enough-1", "roles", List.of("reviewer")))
                .post("/api/users").then().statusCode(409).body("error", equalTo("duplicate"));
    }

    @Test
    void badAccountsAreRefusedWithTheField() {
        accounts.ensure("users-admin", "admin");
        accounts.as("users-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "x y", "password", "long-enough-1", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(400).body("field", equalTo("username"));
        accounts.as("users-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "shortpw", "password", "short", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(400).body("field", equalTo("password"));
        accounts.as("users-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "badrole", "password", "long-enough-1", "roles", List.of("owner")))
                .post("/api/users").then().statusCode(400).body("field", equalTo("roles"));
        accounts.as("users-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "noroles", "password", "long-enough-1", "roles", List.of()))
                .post("/api/users").then().statusCode(400).body("field", equalTo("roles"));
        accounts.as("users-admin").contentType(ContentType.JSON) // a 500 before
                .body("{\"username\":\"nullrole\",\"password\":\"long-enough-1\",\"roles\":[null]}")
                .post("/api/users").then().statusCode(400).body("field", equalTo("roles"));
    }

    @Test
    void onlyAdmins() {
        accounts.ensure("users-editor", "editor", "reviewer");
        accounts.as("users-editor").contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky", "password", "long-enough-1", "roles", List.of("admin")))
                .post("/api/users").then().statusCode(403).body("error", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body(Map.of("username", "anon"))
                .post("/api/users").then().statusCode(401);
    }
}
