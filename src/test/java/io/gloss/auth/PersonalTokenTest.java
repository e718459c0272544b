package io.gloss.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.text.TextNormalizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonalTokenTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    String newToken(String user, String name) {
        return accounts.as(user).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/me/tokens").then().statusCode(201)
                .body("name", equalTo(name)).body("id", notNullValue())
                .extract().jsonPath().getString("token");
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndActsAsItsOwner() {
        accounts.ensure("tok-user", "editor");
        String token = newToken("tok-user", "notebook");
        assertTrue(token.startsWith("gls_"));
        assertTrue(Base64.getUrlDecoder().decode(token.substring(4)).length >= 16, "at least 128 random bits");
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(200)
                .body("username", equalTo("tok-user")).body("roles", equalTo(java.util.List.of("editor")));
        accounts.as("tok-user").get("/api/me/tokens").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItem("notebook"))
                .body("items[0]", not(hasKey("token")));
        ApiToken stored = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>find("username = ?1 and name = ?2", "tok-user", "notebook").firstResult());
        assertEquals(TextNormalizer.sha256(token), stored.tokenHash);
        assertNotNull(stored.lastUsedAt, "last use is recorded");
    }

    @Test
    void tokensWriteWithoutCsrfAndRevokingIsImmediate() {
        accounts.ensure("tok-writer", "editor");
        long project = data.project("tok-writer");
        long article = data.article(project, "Tokens", "Kyiv answered.");
        String token = newToken("tok-writer", "script");
        given().header("Authorization", "Token " + token).contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "label", "LOCATION", "start", 0, "end", 4, "quote", "Kyiv"))
                .post("/api/annotations").then().statusCode(201).body("author", equalTo("tok-writer"));
        long id = accounts.as("tok-writer").get("/api/me/tokens").then().extract().jsonPath()
                .getLong("items.find { it.name == 'script' }.id");
        accounts.ensure("tok-other", "editor");
        accounts.as("tok-other").delete("/api/me/tokens/" + id).then().statusCode(404); // not theirs
        accounts.as("tok-writer").delete("/api/me/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        accounts.as("tok-writer").delete("/api/me/tokens/" + id).then().statusCode(404);
    }

    @Test
    void aRoleTakenFromTheAccountIsGoneForItsTokens() {
        accounts.ensure("tok-demoted", "editor", "reviewer");
        String token = newToken("tok-demoted", "ci");
        given().header("Authorization", "Token " + token).get("/api/me").then()
                .body("roles", equalTo(java.util.List.of("editor", "reviewer")));
        QuarkusTransaction.requiringNew().run(() ->
                UserAccount.findByUsername("tok-demoted").orElseThrow().roles = "editor");
        given().header("Authorization", "Token " + token).get("/api/me").then()
                .body("roles", equalTo(java.util.List.of("editor")));
        given().header("Authorization", "Token " + token).get("/api/review/queue").then().statusCode(403);
    }

    @Test
    void forgedAndMalformedTokensAre401() {
        given().header("Authorization", "Token gls_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("/api/me").then()
                .statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Token nonsense").get("/api/me").then().statusCode(401);
        accounts.ensure("tok-name", "editor");
        accounts.as("tok-name").contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/api/me/tokens").then().statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void theAccountPageCreatesShowsOnceAndRevokes() {
        accounts.ensure("tok-page", "reviewer");
        String session = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "tok-page").formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check").getCookie("gloss-session");
        String page = given().cookie("gloss-session", session).get("/account").then().statusCode(200)
                .body(containsString("no tokens yet")).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        // Post/Redirect/Get: the secret rides the redirect in a cookie for /account, shown once, then dropped.
        var posted = given().cookie("gloss-session", session).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", m.group(1)).formParam("name", "laptop").post("/account/tokens").then()
                .statusCode(303).header("Location", endsWith("/account#new-token")).extract();
        String carried = posted.cookie("gloss-new-token");
        assertTrue(carried != null && carried.startsWith("gls_"));
        var shown = given().cookie("gloss-session", session).cookie("gloss-new-token", carried).get("/account").then()
                .statusCode(200).body(containsString("will not be shown again"))
                .body(containsString("data-copy=\"new-token-secret\"")).extract();
        assertEquals("", shown.cookie("gloss-new-token"));
        String created = shown.asString();
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("(gls_[A-Za-z0-9_-]+)").matcher(created);
        assertTrue(secret.find());
        given().header("Authorization", "Token " + secret.group(1)).get("/api/me").then().body("username", equalTo("tok-page"));
        given().cookie("gloss-session", session).get("/account").then()
                .body(containsString("laptop")).body(not(containsString(secret.group(1))));
        accounts.as("tok-page").get("/api/me/tokens").then().body("items", hasSize(1));
    }
}
