package io.gloss.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import io.gloss.SystemChromium;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Gloss with the Keycloak switch on, against a real Keycloak ({@link KeycloakResource}: the
 * distribution from Maven Central, the realm of docker/keycloak). Its users and passwords are the
 * realm's development ones, as docs/operations.md says.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@DisabledIfSystemProperty(named = "gloss.keycloak.skip", matches = "true", disabledReason = "-Dgloss.keycloak.skip=true")
class KeycloakLoginTest {

    static final Map<String, String> PASSWORDS = Map.of(
            "editor", "editor-dev-password",
            "reviewer", "reviewer-dev-password",
            "admin", "admin-dev-password",
            "nobody", "nobody-dev-password");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    /** http://localhost:<port>/realms/gloss, set by KeycloakResource. */
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String clientSecret;

    @Inject
    TestData data;

    // ---- the scenarios --------------------------------------------------------------------------

    @Test
    void browserLoginThroughKeycloaksFormLandsOnTheUsersProjects() {
        long projectId = data.project("editor");
        long otherProjectId = data.project("reviewer");

        try (Playwright playwright = Playwright.create();
                Browser browser = SystemChromium.launch(playwright)) {
            logInThroughKeycloak(browser, projectId, otherProjectId);
        }
    }

    private void logInThroughKeycloak(Browser browser, long projectId, long otherProjectId) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        List<String> visited = new ArrayList<>();
        page.onRequest(request -> {
            if (request.isNavigationRequest()) {
                visited.add(request.url()); // every hop, redirects included
            }
        });

        page.navigate(base + "login");
        // With Keycloak on, Gloss' own form gives way to the organisation's login.
        assertThat(page.locator("input[name=j_password]")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with your organisation's account")).click();

        page.waitForURL(url -> url.startsWith(realmUrl + "/protocol/openid-connect/auth"));
        page.locator("#username").fill("editor");
        page.locator("#password").fill(PASSWORDS.get("editor"));
        page.locator("#kc-login").click();

        page.waitForURL(base.toString());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your projects"))).isVisible();
        assertThat(page.locator("#projects a[href='/projects/" + projectId + "']")).isVisible();
        assertThat(page.locator("#projects a[href='/projects/" + otherProjectId + "']")).hasCount(0);
        assertThat(page.locator(".who")).containsText("editor (editor)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keycloak-login-home.png")).setFullPage(true));

        // The way there went through Keycloak's form and back through Gloss' code-flow endpoint.
        assertTrue(visited.stream().anyMatch(u -> u.startsWith(realmUrl + "/")), visited.toString());
        assertTrue(visited.stream().anyMatch(u -> u.startsWith(base + "login/oidc")), visited.toString());

        // The session holds: a page that needs a login opens without going back to Keycloak.
        page.navigate(base + "projects/" + projectId);
        assertEquals(base + "projects/" + projectId, page.url());
        context.close();
    }

    @Test
    void realmRolesAreGlossRoles() {
        assertMe("editor", List.of("editor"));
        assertMe("reviewer", List.of("reviewer"));
        assertMe("admin", List.of("admin", "editor", "reviewer"));
        // Keycloak's own default roles (offline_access, uma_authorization) are not Gloss roles.
        assertMe("nobody", List.of());
    }

    @Test
    void aBearerTokenFromThePasswordGrantWorksOnTheApi() {
        long projectId = data.project("editor", "reviewer");
        String text = "Kyiv says two soldiers were captured near Kursk.";
        long articleId = data.article(projectId, "Bearer", text);
        String token = token(KeycloakResource.CLIENT, clientSecret, "editor");

        long id = bearer(token).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", "LOCATION", "start", 0, "end", 4, "quote", "Kyiv"))
                .post("/api/annotations")
                .then().statusCode(201)
                .body("author", equalTo("editor")).body("quote", equalTo("Kyiv")).body("status", equalTo("SUBMITTED"))
                .extract().jsonPath().getLong("id");
        bearer(token(KeycloakResource.CLIENT, clientSecret, "reviewer")).get("/api/annotations/" + id)
                .then().statusCode(200).body("author", equalTo("editor"));
    }

    @Test
    void aWrongOrExpiredTokenIsRefusedWith401() {
        assertUnauthorized(bearer("not-a-token"));
        String good = token(KeycloakResource.CLIENT, clientSecret, "editor");
        String[] parts = good.split("\\.");
        String forgedPayload = base64(decode(parts[1]).replace("\"editor\"", "\"admin\""));
        assertUnauthorized(bearer(parts[0] + "." + forgedPayload + "." + parts[2]));

        // A client of the test realm whose tokens live 2 s (KeycloakResource): good at first...
        String shortLived = token(KeycloakResource.SHORT_LIVED_CLIENT, KeycloakResource.SHORT_LIVED_SECRET, "editor");
        long expires = JsonPath.from(decode(shortLived.split("\\.")[1])).getLong("exp");
        bearer(shortLived).get("/api/me").then().statusCode(200).body("username", equalTo("editor"));
        // ...and refused once past its "exp" (whole seconds, hence the extra second).
        sleepUntil(expires * 1000 + 1100);
        assertUnauthorized(bearer(shortLived));
    }

    @Test
    void aUserWithoutAGlossRoleIsForbidden() {
        long projectId = data.project("nobody");
        long articleId = data.article(projectId, "No role", "Kyiv says two soldiers were captured near Kursk.");
        bearer(token(KeycloakResource.CLIENT, clientSecret, "nobody")).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", "LOCATION", "start", 0, "end", 4, "quote", "Kyiv"))
                .post("/api/annotations")
                .then().statusCode(403).contentType(ContentType.JSON).body("error", equalTo("forbidden"));
    }

    /**
     * A Keycloak user whose username is also a local account's never becomes that account: the
     * login is refused with a sentence, and a personal token they made stops. (Before, the token
     * took the local account's roles.)
     */
    @Test
    void aKeycloakUserNeverMergesWithALocalAccountOfTheSameName() {
        String token = bearer(token(KeycloakResource.CLIENT, clientSecret, "editor")).contentType(ContentType.JSON)
                .body(Map.of("name", "notebook")).post("/api/me/tokens").then().statusCode(201)
                .extract().path("token");
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(200)
                .body("roles", equalTo(List.of("editor")));
        twins.create("Editor");
        try {
            given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(401);
            bearer(token(KeycloakResource.CLIENT, clientSecret, "editor")).get("/api/me").then().statusCode(403)
                    .body("error", equalTo("identity_clash"))
                    .body("message", org.hamcrest.Matchers.containsString("also the name of a local Gloss account"));
        } finally {
            twins.delete("Editor");
        }
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(200);
    }

    /** A local account named like a realm user, made and removed straight in the database. */
    @jakarta.enterprise.context.ApplicationScoped
    static class LocalTwins {
        @Inject
        AccountService accounts;

        @jakarta.transaction.Transactional
        void create(String username) {
            accounts.create(username, "local-twin-password", List.of(Role.ADMIN));
        }

        @jakarta.transaction.Transactional
        void delete(String username) {
            UserAccount.delete("usernameKey", username.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Inject
    LocalTwins twins;

    // ---- helpers --------------------------------------------------------------------------------

    /** An access token from Keycloak's token endpoint (direct access grant, as a script gets one). */
    String token(String clientId, String secret, String username) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .formParam("username", username)
                .formParam("password", PASSWORDS.get(username))
                .post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().jsonPath().getString("access_token");
    }

    static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    void assertMe(String username, List<String> roles) {
        bearer(token(KeycloakResource.CLIENT, clientSecret, username)).get("/api/me")
                .then().statusCode(200).body("username", equalTo(username)).body("roles", equalTo(roles));
    }

    static void assertUnauthorized(RequestSpecification request) {
        request.get("/api/me").then().statusCode(401)
                .contentType(startsWith("application/json")).body("error", equalTo("unauthorized"));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
