package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every answer carries the security headers (io.gloss.web.SecurityHeaders); user data is never cached. */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    static ValidatableResponse secured(ValidatableResponse answer) {
        return answer.header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void pagesApiAnswersAndErrorsCarryThemAndAreNotStored() {
        accounts.ensure("headers-editor", "editor");
        long project = data.project("headers-editor");
        secured(accounts.as("headers-editor").get("/projects/" + project).then().statusCode(200))
                .header("Cache-Control", equalTo("no-store"));
        secured(accounts.as("headers-editor").get("/api/me").then().statusCode(200)).header("Cache-Control", equalTo("no-store"));
        secured(given().get("/no-such-page").then().statusCode(404).contentType("text/html"))
                .header("Cache-Control", equalTo("no-store"));
        secured(given().get("/api/me").then().statusCode(401)).header("Cache-Control", equalTo("no-store"));
        secured(given().get("/login").then().statusCode(200));
    }

    @Test
    void staticFilesCarryThemButStayCacheable() {
        // Quarkus' static handler says how long they keep; Gloss adds no no-store.
        secured(given().get("/css/gloss.css").then().statusCode(200)).header("Cache-Control", not(containsString("no-store")));
        secured(given().get("/js/annotate.js").then().statusCode(200)).header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void swaggerUiGetsTheInlineScriptsItNeedsAndStillNoFraming() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    /** The policy forbids inline scripts and handlers, so no template may hold one. */
    @Test
    void noTemplateHoldsAnInlineScriptOrHandler() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\b(?:src=|type=\"application/json\"))[^>]*>|\\son[a-z]+\\s*=",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = inline.matcher(Files.readString(file));
                if (m.find()) {
                    throw new AssertionError(file + " holds " + m.group() + ": move it into a module under frontend/src");
                }
            }
        }
    }
}
