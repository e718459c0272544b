package io.gloss.entity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The details panel's entity box and attribute fields in a real browser: a span spelled
 * Zelenskiy found and linked to "Volodymyr Zelensky", a location made an entity from its span, a
 * claim's figure (read from its quote) corrected and given a unit; the entity page lists them.
 */
@QuarkusTest
class EntityPanelBrowserTest {

    static final String EDITOR = "entity-browser-editor";
    static final String ADMIN = "entity-browser-admin";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    Page page;

    @BeforeEach
    void openPage() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(ADMIN, "admin");
        page = chromium.watchedPage(chromium.newContext(), "page", List.of());
    }

    @Test
    void linkingASpanFindingAnEntityMakingOneAndEditingAClaimsFigure() {
        String text = "Zelenskiy said about 200 people were evacuated from Kupiansk.";
        long project = data.project(EDITOR);
        long article = data.article(project, "Evacuation", text);
        long zelensky = api(EDITOR).body(Map.of("name", "Volodymyr Zelensky", "type", "ACTOR", "qid", "Q3874799"))
                .post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath().getLong("id");
        api(ADMIN).body(Map.of("attributes", List.of(Map.of("key", "figure", "name", "Figure", "type", "number"),
                Map.of("key", "unit", "name", "Unit", "type", "text"))))
                .put("/api/projects/" + project + "/labels/CLAIM").then().statusCode(200);
        long actor = span(article, text, "Zelenskiy", "ACTOR").getLong("id");
        long claim = span(article, text, "about 200 people were evacuated", "CLAIM").getLong("id");
        long place = span(article, text, "Kupiansk", "LOCATION").getLong("id");

        SystemChromium.logIn(page, base.toString(), EDITOR);
        page.navigate(base + "articles/" + article);
        page.waitForSelector("#annotator[data-ready=true]");

        // The search box starts from the span's spelling and finds the entity spelled otherwise.
        mark(actor).click();
        Locator details = page.locator("#details");
        assertThat(details.locator(".details-entity")).containsText("not linked");
        Locator offered = details.locator(".details-entity-pick");
        assertThat(offered.first()).containsText("Volodymyr Zelensky");
        details.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots", "entity-panel-link.png")));
        put(() -> offered.first().click());
        assertThat(details.locator(".details-entity-link")).hasText("Volodymyr Zelensky");
        assertThat(details.locator(".details-entity-link")).hasAttribute("href", "/entities/" + zelensky);
        assertEquals(zelensky, annotation(actor).getLong("entityId"));

        // A place nobody has made an entity yet: one from the span.
        mark(place).click();
        Response created = page.waitForResponse(r -> "POST".equals(r.request().method()) && r.url().endsWith("/entities"),
                () -> put(() -> details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("New entity from this span")).click()));
        assertEquals(201, created.status());
        assertThat(details.locator(".details-entity-link")).hasText("Kupiansk");
        assertTrue(annotation(place).getString("entity.name").equals("Kupiansk"));

        // The claim's figure was read from its quote; corrected, and given a unit.
        mark(claim).click();
        Locator figure = details.locator("input.details-attribute-figure");
        assertThat(figure).hasValue("200");
        details.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots", "entity-panel-claim.png")));
        figure.fill("250");
        details.locator("input.details-attribute-unit").fill("people");
        put(() -> details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save attributes")).click());
        JsonPath saved = annotation(claim);
        assertEquals(250, saved.getInt("attributes.figure"));
        assertEquals("people", saved.getString("attributes.unit"));

        // A figure that is not a number is said, not sent.
        figure.fill("many");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save attributes")).click();
        assertThat(page.locator("#status")).containsText("Figure is a number");

        // The entity page lists the mention, from the link in the panel.
        mark(actor).click();
        details.locator(".details-entity-link").click();
        page.waitForURL(base + "entities/" + zelensky);
        assertThat(page.locator("tr.mention")).hasCount(1);
        assertThat(page.locator("#entity-aliases")).containsText("Zelenskiy");
    }

    io.restassured.specification.RequestSpecification api(String user) {
        return accounts.as(user).contentType(ContentType.JSON);
    }

    JsonPath span(long article, String text, String quote, String label) {
        return api(EDITOR).body(TestData.span(article, text, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath();
    }

    JsonPath annotation(long id) {
        return api(EDITOR).get("/api/annotations/" + id).then().statusCode(200).extract().jsonPath();
    }

    Locator mark(long id) {
        return page.locator("#article-text mark.hl[data-annotation-id='" + id + "']").first();
    }

    void put(Runnable action) {
        Response response = page.waitForResponse(
                r -> "PUT".equals(r.request().method()) && r.url().contains("/api/annotations/"), action);
        assertEquals(200, response.status(), response.text());
    }
}
