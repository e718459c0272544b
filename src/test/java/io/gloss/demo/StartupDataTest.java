package io.gloss.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fresh embedded database gets the demo project and its users, as the README promises. */
@QuarkusTest
@TestProfile(StartupDataTest.DemoOn.class)
class StartupDataTest {

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gloss.demo.enabled", "true", "gloss.demo.password", "demo-password-1",
                    "gloss.admin.password", "operator-chosen-1");
        }
    }

    @Test
    void demoProjectLabelsArticlesAndUsers() {
        JsonPath projects = given().auth().preemptive().basic("editor", "demo-password-1").get("/api/projects")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].name", equalTo(StartupData.DEMO_PROJECT))
                .body("items[0].labels.key", hasItems("CLAIM", "ACTOR", "LOCATION"))
                .body("items[0].labels.shortcut", hasItems("c", "a", "l"))
                .extract().jsonPath();
        long projectId = projects.getLong("items[0].id");
        given().auth().preemptive().basic("reviewer", "demo-password-1").get("/api/projects/" + projectId + "/articles")
                .then().statusCode(200).body("items", hasSize(3));
        // GLOSS_ADMIN_PASSWORD is the operator's explicit choice: it wins over the demo password.
        given().auth().preemptive().basic("admin", "operator-chosen-1").get("/api/me").then().statusCode(200)
                .body("roles", equalTo(java.util.List.of("admin", "editor", "reviewer")));
        given().auth().preemptive().basic("admin", "demo-password-1").get("/api/me").then().statusCode(401);
    }

    @Test
    void demoArticlesKeepTheirTypographyAndAreNormalised() {
        long projectId = given().auth().preemptive().basic("editor", "demo-password-1").get("/api/projects")
                .then().extract().jsonPath().getLong("items[0].id");
        JsonPath articles = given().auth().preemptive().basic("editor", "demo-password-1")
                .get("/api/projects/" + projectId + "/articles").then().extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            String text = given().auth().preemptive().basic("editor", "demo-password-1")
                    .get("/api/articles/" + articles.getLong("items[" + i + "].id")).then().statusCode(200)
                    .extract().jsonPath().getString("text");
            org.junit.jupiter.api.Assertions.assertFalse(text.contains("\r"), "CRLF in the demo text is normalised");
        }
    }
}
