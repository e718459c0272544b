package io.gloss.auth;

import static io.gloss.auth.LoginAndCsrfTest.csrfOf;
import static io.gloss.auth.LoginAndCsrfTest.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.gloss.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page login's session ends on the server: logout, a password change, a deactivation and an
 * admin's "end sessions" each stop the old cookie at once, and no session outlives its idle
 * timeout or its absolute lifetime. Each test failed on the cookie-only sessions of before.
 */
@QuarkusTest
class SessionLifecycleTest {

    @Inject
    TestAccounts accounts;

    @Inject
    Clock clock;

    /** Moves a user's sessions back in time, as if their login or last use were long ago. */
    @jakarta.enterprise.context.ApplicationScoped
    static class Clock {
        @Transactional
        void age(String username, Duration sinceLogin, Duration sinceUse) {
            UserSession.update("createdAt = ?1, lastUsedAt = ?2 where username = ?3",
                    Instant.now().minus(sinceLogin), Instant.now().minus(sinceUse), username);
        }

        @Transactional
        void oidcToken(String username, String secret) {
            ApiToken token = new ApiToken();
            token.username = username;
            token.name = "from keycloak";
            token.tokenHash = Secrets.hash(secret);
            token.roles = "admin";
            token.createdAt = Instant.now();
            token.source = ApiToken.OIDC;
            token.persist();
        }
    }

    private static RequestSpecification with(String session) {
        return given().cookie("gloss-session", session);
    }

    private String tokenOf(String username) {
        return accounts.as(username).contentType(ContentType.JSON).body(Map.of("name", "script"))
                .post("/api/me/tokens").then().statusCode(201).extract().path("token");
    }

    private static void stillIn(String session) {
        with(session).get("/api/me").then().statusCode(200);
    }

    /** An ended session: 401 without a Basic challenge (no browser dialog), and the cookie dropped. */
    private static void ended(String session) {
        with(session).get("/api/me").then().statusCode(401).header("WWW-Authenticate", nullValue())
                .body("error", equalTo("session_ended"))
                .body("message", equalTo("Your session ended — log in again."));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        accounts.ensure("sess-logout", "editor");
        String session = login("sess-logout", TestAccounts.PASSWORD);
        stillIn(session);
        String token = csrfOf(with(session).get("/").asString());
        with(session).redirects().follow(false).contentType(ContentType.URLENC).formParam("_csrf", token)
                .post("/logout").then().statusCode(303);
        ended(session); // the copied cookie no longer opens anything
        with(session).redirects().follow(false).get("/my-work").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?next=%2Fmy-work"));
    }

    @Test
    void changingOnesPasswordEndsTheOtherSessionsOnly() {
        accounts.ensure("sess-change", "editor");
        String here = login("sess-change", TestAccounts.PASSWORD);
        String elsewhere = login("sess-change", TestAccounts.PASSWORD);
        String token = csrfOf(with(here).get("/").asString());
        with(here).header("X-CSRF-Token", token).contentType(ContentType.JSON)
                .body(Map.of("current", "wrong-password-1", "new", "another-long-one-2"))
                .post("/api/me/password").then().statusCode(400).body("field", equalTo("current"));
        with(here).header("X-CSRF-Token", token).contentType(ContentType.JSON)
                .body(Map.of("current", TestAccounts.PASSWORD, "new", "another-long-one-2"))
                .post("/api/me/password").then().statusCode(204);
        stillIn(here);
        ended(elsewhere);
        given().auth().preemptive().basic("sess-change", TestAccounts.PASSWORD).get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("sess-change", "another-long-one-2").get("/api/me").then().statusCode(200);
    }

    @Test
    void anAdminsNewPasswordEndsEverySessionAndToken() {
        accounts.ensure("sess-admin", "admin");
        accounts.ensure("sess-reset", "editor");
        String session = login("sess-reset", TestAccounts.PASSWORD);
        String secret = tokenOf("sess-reset");
        accounts.as("sess-admin").contentType(ContentType.JSON).body(Map.of("password", "reset-by-admin-3"))
                .post("/api/users/sess-reset/password").then().statusCode(204);
        ended(session);
        given().header("Authorization", "Token " + secret).get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("sess-reset", "reset-by-admin-3").get("/api/me").then().statusCode(200);
    }

    @Test
    void deactivationStopsSessionsTokensAndPasswordsAtOnce() {
        accounts.ensure("sess-admin", "admin");
        accounts.ensure("sess-inactive", "editor");
        String session = login("sess-inactive", TestAccounts.PASSWORD);
        String secret = tokenOf("sess-inactive");
        accounts.as("sess-admin").contentType(ContentType.JSON).body(Map.of("active", false))
                .put("/api/users/sess-inactive").then().statusCode(200).body("active", equalTo(false))
                .body("roles", equalTo(List.of("editor")));
        ended(session);
        given().header("Authorization", "Token " + secret).get("/api/me").then().statusCode(401);
        accounts.as("sess-inactive").get("/api/me").then().statusCode(401);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", "sess-inactive")
                .formParam("j_password", TestAccounts.PASSWORD).post("/j_security_check").then().statusCode(401);
        accounts.as("sess-admin").contentType(ContentType.JSON).body(Map.of("active", true))
                .put("/api/users/sess-inactive").then().statusCode(200);
        given().header("Authorization", "Token " + secret).get("/api/me").then().statusCode(200);
        ended(session); // reactivation does not revive what deactivation ended
    }

    @Test
    void anAdminEndsEverySessionOfAnAccount() {
        accounts.ensure("sess-admin", "admin");
        accounts.ensure("sess-ended", "reviewer");
        String one = login("sess-ended", TestAccounts.PASSWORD);
        String two = login("sess-ended", TestAccounts.PASSWORD);
        accounts.as("sess-admin").delete("/api/users/sess-ended/sessions").then().statusCode(200)
                .body("ended", equalTo(2));
        ended(one);
        ended(two);
        accounts.as("sess-admin").delete("/api/users/nobody-here/sessions").then().statusCode(404);
        accounts.as("sess-ended").delete("/api/users/sess-ended/sessions").then().statusCode(403);
    }

    @Test
    void noSessionOutlivesItsIdleTimeoutOrItsAbsoluteLifetime() {
        accounts.ensure("sess-idle", "editor");
        String idle = login("sess-idle", TestAccounts.PASSWORD);
        clock.age("sess-idle", Duration.ofHours(9), Duration.ofHours(8).plusMinutes(1));
        ended(idle);

        accounts.ensure("sess-busy", "editor");
        String busy = login("sess-busy", TestAccounts.PASSWORD);
        clock.age("sess-busy", Duration.ofHours(23), Duration.ofMinutes(5));
        stillIn(busy);
        clock.age("sess-busy", Duration.ofHours(24).plusMinutes(1), Duration.ofSeconds(1));
        ended(busy); // used a second ago, but logged in over a day ago
    }

    @Test
    void aKeycloakUsersTokenNeverTakesALocalAccountOfTheSameName() {
        accounts.ensure("sess-twin", "editor");
        String secret = "gls_keycloak-twin-token-for-the-test-0000000000";
        clock.oidcToken("sess-twin", secret);
        given().header("Authorization", "Token " + secret).get("/api/me").then().statusCode(401);
    }

    @Test
    void anAuthorizationHeaderThatAuthenticatesNothingDoesNotExcuseTheCsrfToken() {
        accounts.ensure("sess-csrf", "editor");
        String session = login("sess-csrf", TestAccounts.PASSWORD);
        with(session).header("Authorization", "Foo bar").contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/api/me/tokens").then().statusCode(403).body("error", equalTo("csrf"));
    }

    @Test
    void pagesScriptsGetNoBasicChallengeEvenWithoutACookie() {
        given().header("X-Requested-With", "fetch").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
        given().get("/api/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Basic realm=\"Gloss\""));
    }
}
