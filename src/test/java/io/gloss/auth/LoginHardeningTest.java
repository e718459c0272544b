package io.gloss.auth;

import static io.gloss.auth.LoginAndCsrfTest.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Logging in as a person meets it, and as an attacker tries it. Each test failed before. */
@QuarkusTest
class LoginHardeningTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    private static Response formLogin(String username, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }

    private static String pathAndQuery(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void loggingInAfterFollowingALinkLandsOnThatLink() {
        accounts.ensure("login-link", "editor");
        long article = data.article(data.project("login-link"), "Link", "Kyiv said so.");
        String asked = "/articles/" + article;
        String login = given().redirects().follow(false).get(asked).then().statusCode(303).extract().header("Location");
        assertEquals("/login?next=%2Farticles%2F" + article, pathAndQuery(login));
        given().urlEncodingEnabled(false).get(pathAndQuery(login)).then().statusCode(200).body(containsString("name=\"next\" value=\"" + asked + "\""));
        Response in = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "login-link").formParam("j_password", TestAccounts.PASSWORD)
                .formParam("next", asked).post("/j_security_check");
        assertEquals(303, in.statusCode());
        assertEquals(asked, java.net.URI.create(in.header("Location")).getPath());
        given().cookie("gloss-session", in.getCookie("gloss-session")).get(in.header("Location")).then().statusCode(200)
                .body(containsString("Kyiv said so."));

        Response elsewhere = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "login-link").formParam("j_password", TestAccounts.PASSWORD)
                .formParam("next", "//evil.example/x").post("/j_security_check");
        assertEquals("/", java.net.URI.create(elsewhere.header("Location")).getPath());
    }

    /** gloss.password.bcrypt-cost (4 in %test, so that the suite's Basic calls are cheap) is what hashes. */
    @Test
    void passwordsAreHashedAtTheConfiguredCost() {
        int cost = ConfigProvider.getConfig().getValue("gloss.password.bcrypt-cost", Integer.class);
        String prefix = String.format("$2a$%02d$", cost);
        accounts.ensure("login-cost-admin", "admin");
        accounts.ensure("login-cost", "editor");
        assertEquals(prefix, storedHash("login-cost").substring(0, 7), "created");
        accounts.as("login-cost-admin").contentType(ContentType.JSON).body(Map.of("password", "another-long-one-2"))
                .post("/api/users/login-cost/password").then().statusCode(204);
        assertEquals(prefix, storedHash("login-cost").substring(0, 7), "reset");
        given().auth().preemptive().basic("login-cost", "another-long-one-2").get("/api/me").then().statusCode(200);
    }

    private static String storedHash(String username) {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername(username).orElseThrow().passwordHash);
    }

    @Test
    void usernamesIgnoreCase() {
        accounts.ensure("login-case", "editor");
        accounts.ensure("login-case-admin", "admin");
        given().auth().preemptive().basic("LOGIN-Case", TestAccounts.PASSWORD).get("/api/me").then().statusCode(200)
                .body("username", equalTo("login-case"));
        assertNotNull(login("Login-CASE", TestAccounts.PASSWORD));
        accounts.as("login-case-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "LOGIN-CASE", "password", "long-enough-1", "roles", List.of("admin")))
                .post("/api/users").then().statusCode(409).body("error", equalTo("duplicate"));
    }

    @Test
    void weakAndOverlongPasswordsAreRefused() {
        accounts.ensure("login-policy-admin", "admin");
        for (String weak : List.of("12345678", "password", "123456789", "Password123", "qwertyuiop", "policy-user")) {
            accounts.as("login-policy-admin").contentType(ContentType.JSON)
                    .body(Map.of("username", "policy-user", "password", weak, "roles", List.of("editor")))
                    .post("/api/users").then().statusCode(400).body("field", equalTo("password"));
        }
        // 73 bytes: bcrypt would ignore the last one, so a longer password is refused, not trimmed
        accounts.as("login-policy-admin").contentType(ContentType.JSON)
                .body(Map.of("username", "policy-user", "password", "é".repeat(36) + "x", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(400).body("field", equalTo("password"))
                .body("message", containsString("72 bytes"));
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownWithRetryAfter() {
        accounts.ensure("login-guessed", "editor");
        for (int i = 0; i < 5; i++) {
            formLogin("login-guessed", "guess-number-" + i).then().statusCode(401);
        }
        formLogin("login-guessed", "guess-number-5").then().statusCode(429)
                .header("Retry-After", equalTo("30")).body(containsString("Too many failed logins"))
                .body(containsString("value=\"login-guessed\""));
        // While it must wait, even the right password is not checked: the answer teaches nothing.
        formLogin("login-guessed", TestAccounts.PASSWORD).then().statusCode(429);
        given().auth().preemptive().basic("login-guessed", "guess-by-basic").get("/api/me").then().statusCode(429)
                .header("Retry-After", equalTo("30")).body("error", equalTo("too_many_attempts"))
                .body("retryAfter", equalTo(30));
    }

    @Test
    void aJsonBodyToTheLoginIsA400NotAStackTrace() {
        given().redirects().follow(false).contentType(ContentType.JSON).body(Map.of("j_username", "x"))
                .post("/j_security_check").then().statusCode(400).body(containsString("Log in with the form"))
                .body(not(containsString("Exception")));
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", "only-name")
                .post("/j_security_check").then().statusCode(400).body(containsString("Enter your username and your password"));
    }
}
