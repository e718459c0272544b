package io.gloss.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The browser's way in: form login, the session cookie, CSRF tokens on forms and page scripts. */
@QuarkusTest
class LoginAndCsrfTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        accounts.ensure("web-editor", "editor");
        projectId = data.project("web-editor");
        articleId = data.article(projectId, "Login test article", "Kyiv says two soldiers were captured.");
    }

    static String login(String username, String password) {
        Response response = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertEquals(303, response.statusCode());
        return response.getCookie("gloss-session");
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page carries a CSRF token");
        return m.group(1);
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithTheUsernameKept() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "web-editor").formParam("j_password", "nope-nope-nope")
                .post("/j_security_check").then().statusCode(401)
                .body(containsString("do not match"))
                .body(containsString("name=\"j_password\""))
                .body(containsString("name=\"j_username\" value=\"web-editor\""))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void loggedInPersonSeesProjectsAndTheAnnotationPage() {
        String session = login("web-editor", TestAccounts.PASSWORD);
        assertNotNull(session);
        String home = given().cookie("gloss-session", session).get("/").then().statusCode(200)
                .body(containsString("/projects/" + projectId))
                .body(not(containsString("type=\"password\""))).extract().asString();
        assertTrue(home.contains("web-editor"));
        given().cookie("gloss-session", session).get("/projects/" + projectId).then().statusCode(200)
                .body(containsString("/articles/" + articleId)).body(containsString("Login test article"));
        given().cookie("gloss-session", session).get("/articles/" + articleId).then().statusCode(200)
                .body(containsString("id=\"article-text\""))
                .body(containsString("Kyiv says two soldiers were captured."))
                .body(containsString("\"canAnnotate\":true"));
        given().cookie("gloss-session", session).get("/login").then().statusCode(200)
                .body(not(containsString("j_password"))); // redirected home: no password field once in
    }

    @Test
    void sessionCookieWritesNeedTheCsrfToken() {
        String session = login("web-editor", TestAccounts.PASSWORD);
        String page = given().cookie("gloss-session", session).get("/articles/" + articleId).asString();
        String token = csrfOf(page);
        Map<String, Object> span = Map.of("articleId", articleId, "label", "LOCATION", "start", 0, "end", 4, "quote", "Kyiv");
        given().cookie("gloss-session", session).contentType(ContentType.JSON).body(span)
                .post("/api/annotations").then().statusCode(403).body("error", equalTo("csrf"));
        given().cookie("gloss-session", session).header("X-CSRF-Token", "forged").contentType(ContentType.JSON).body(span)
                .post("/api/annotations").then().statusCode(403).body("error", equalTo("csrf"));
        given().cookie("gloss-session", session).header("X-CSRF-Token", token).contentType(ContentType.JSON).body(span)
                .post("/api/annotations").then().statusCode(201).body("author", equalTo("web-editor"));
    }

    @Test
    void basicCredentialsNeedNoCsrfToken() {
        accounts.as("web-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", "ACTOR", "start", 0, "end", 4, "quote", "Kyiv"))
                .post("/api/annotations").then().statusCode(201);
    }

    @Test
    void logoutIsAFormWithTheToken() {
        String session = login("web-editor", TestAccounts.PASSWORD);
        String token = csrfOf(given().cookie("gloss-session", session).get("/").asString());
        given().cookie("gloss-session", session).redirects().follow(false).contentType(ContentType.URLENC)
                .post("/logout").then().statusCode(403);
        Response out = given().cookie("gloss-session", session).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", token).post("/logout");
        assertEquals(303, out.statusCode());
        assertEquals("", out.getCookie("gloss-session"));
    }

    @Test
    void sessionKeyIsPersistedInTheDataDirectory() throws Exception {
        Path key = Path.of("target/test-data/session.key");
        assertTrue(Files.exists(key), "generated on first use so sessions survive restarts");
        assertTrue(Files.readString(key).trim().length() >= 32);
    }
}
