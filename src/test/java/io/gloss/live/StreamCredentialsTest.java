package io.gloss.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An event stream outlives the request that opened it, so it must not outlive the session or
 * token behind it: logging out, revoking the token or deactivating the account closes the stream
 * at once (well before the next keep-alive, 15 s), and only the streams of what ended.
 */
@QuarkusTest
class StreamCredentialsTest {

    /** Far below the keep-alive: the stream closes because its credentials ended, not because a keep-alive found out. */
    private static final Duration SOON = Duration.ofSeconds(4);

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URL base;

    @Test
    void loggingOutClosesThatSessionsStreamsOnly() throws Exception {
        accounts.ensure("sc-editor", "editor");
        URI events = events("sc-editor");
        String leaving = TestAccounts.session("sc-editor");
        String staying = TestAccounts.session("sc-editor");
        try (SseClient gone = open(events, leaving); SseClient kept = open(events, staying)) {
            assertTrue(gone.next("presence", SOON) != null, "the stream is open");
            String csrf = csrfOf(given().cookie("gloss-session", leaving).get("/").asString());
            given().cookie("gloss-session", leaving).redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("_csrf", csrf).post("/logout").then().statusCode(303);
            assertTrue(gone.endsWithin(SOON), "the logged-out session's stream closes");
            assertFalse(kept.endsWithin(Duration.ofSeconds(1)), "the other session's stream goes on");
        }
    }

    @Test
    void revokingATokenClosesItsStream() throws Exception {
        accounts.ensure("sc-script", "reviewer");
        URI events = events("sc-script");
        Response created = accounts.as("sc-script").contentType(ContentType.JSON).body(Map.of("name", "notebook"))
                .post("/api/me/tokens").then().statusCode(201).extract().response();
        try (SseClient stream = SseClient.open(events, "Authorization", "Token " + created.path("token"), null)) {
            accounts.as("sc-script").delete("/api/me/tokens/" + created.path("id")).then().statusCode(204);
            assertTrue(stream.endsWithin(SOON));
        }
    }

    @Test
    void deactivatingTheAccountClosesItsPasswordStreams() throws Exception {
        accounts.ensure("sc-admin", "admin");
        accounts.ensure("sc-leaver", "editor");
        URI events = events("sc-leaver");
        try (SseClient stream = SseClient.open(events, "sc-leaver", null)) {
            accounts.as("sc-admin").contentType(ContentType.JSON).body(Map.of("active", false))
                    .put("/api/users/sc-leaver").then().statusCode(200);
            assertTrue(stream.endsWithin(SOON));
        } finally {
            accounts.as("sc-admin").contentType(ContentType.JSON).body(Map.of("active", true))
                    .put("/api/users/sc-leaver").then().statusCode(200);
        }
    }

    private URI events(String member) {
        long projectId = data.project(member);
        long articleId = data.article(projectId, "Credentials", "Odesa's port reopened on Monday.");
        return URI.create(base.toString().replaceAll("/$", "") + "/api/articles/" + articleId + "/events");
    }

    private static SseClient open(URI events, String session) throws Exception {
        return SseClient.open(events, "Cookie", "gloss-session=" + session, null);
    }


    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page carries a CSRF token");
        return m.group(1);
    }
}
