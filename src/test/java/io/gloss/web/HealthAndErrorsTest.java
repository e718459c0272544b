package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndErrorsTest {

    @Test
    void healthNeedsNoLogin() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'dataset store' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void apiWithoutCredentialsIs401Json() {
        given().get("/api/me").then().statusCode(401)
                .contentType("application/json")
                .body("error", equalTo("unauthorized"))
                .body("message", containsString("Log in"));
    }

    @Test
    void pageWithoutLoginRedirectsToLoginPage() {
        given().redirects().follow(false).get("/projects/1").then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void wrongPasswordIs401Json() {
        given().auth().preemptive().basic("nobody", "wrong").get("/api/me").then()
                .statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void unknownApiPathIs404Json() {
        given().get("/api/nothing-here").then().statusCode(404)
                .contentType("application/json").body("error", equalTo("not_found"));
    }

    @Test
    void unknownPageIsTheErrorPage() {
        given().get("/no-such-page").then().statusCode(404)
                .contentType("text/html").body(containsString("Not found"));
    }

    @Test
    void loginPageHasTheFormFields() {
        given().get("/login").then().statusCode(200)
                .body(containsString("name=\"j_username\""))
                .body(containsString("type=\"password\""))
                .body(not(containsString("Exception")));
    }
}
