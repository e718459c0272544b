package io.gloss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page at a laptop's width (1366 px) and a phone's (390 px): nothing makes the page scroll
 * sideways on the phone, the axe-core scan finds no serious or critical accessibility violation,
 * and a screenshot of each is kept under target/screenshots/ for a person to look at.
 */
@QuarkusTest
class ScreensBrowserTest {

    static final String ADMIN = "screens-admin";
    static final String EDITOR = "screens-editor";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Path AXE = Paths.get("frontend", "node_modules", "axe-core", "axe.min.js");
    static final String TEXT = "The harbour authority in Gdańsk said on Monday that the “Nordlys” ferry would resume "
            + "crossings to Karlskrona — weather permitting — after a two-week repair.\nUnion leaders in Malmö "
            + "welcomed the news 🚢, while fishermen complained about the noise.";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    long project;
    long article;
    long entity;

    @BeforeEach
    void desk() {
        accounts.ensure(ADMIN, "admin", "editor", "reviewer");
        accounts.ensure(EDITOR, "editor");
        project = data.project(ADMIN, EDITOR);
        article = data.article(project, "Ferry crossings to resume after a long repair " + project, TEXT);
        annotate(EDITOR, "harbour authority in Gdańsk", "ACTOR");
        entity = accounts.as(EDITOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Karlskrona", "type", "LOCATION", "aliases", List.of("Carlscrona"), "qid", "Q26677"))
                .post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath().getLong("id");
        annotate(EDITOR, "Karlskrona", "LOCATION");
        annotate(EDITOR, "Union leaders in Malmö", "ACTOR");
        annotate(ADMIN, "the “Nordlys” ferry would resume crossings to Karlskrona", "CLAIM");
    }

    /** The pages a person of the desk opens in a day, by the name their screenshots carry. */
    private Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "");
        pages.put("project", "projects/" + project);
        pages.put("article", "articles/" + article);
        pages.put("queue", "review?project=" + project);
        pages.put("my-work", "my-work");
        pages.put("assignments", "projects/" + project + "/assignments");
        pages.put("agreement", "projects/" + project + "/agreement");
        pages.put("curation", "articles/" + article + "/curation");
        pages.put("datasets", "projects/" + project + "/datasets");
        pages.put("labels", "projects/" + project + "/labels");
        pages.put("members", "projects/" + project + "/members");
        pages.put("settings", "projects/" + project + "/settings");
        pages.put("new-project", "projects/new");
        pages.put("users", "users");
        pages.put("audit", "audit?project=" + project);
        pages.put("entities", "projects/" + project + "/entities");
        pages.put("entity", "entities/" + entity);
        pages.put("claims", "projects/" + project + "/claims");
        pages.put("account", "account");
        pages.put("search", "search?q=karlskrona \"union leaders\"&project=" + project);
        return pages;
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() throws IOException {
        Page page = loggedIn();
        page.setViewportSize(390, 844);
        List<String> wide = new ArrayList<>();
        for (Map.Entry<String, String> p : pages().entrySet()) {
            page.navigate(base + p.getValue());
            page.waitForLoadState();
            // The elements that reach past the screen's right edge, named so a failure says where to look.
            Object over = page.evaluate("() => { const w = document.documentElement.clientWidth;"
                    + " if (document.documentElement.scrollWidth <= w) return null;"
                    + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
                    + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')).join(', '); }");
            if (over != null) {
                wide.add(p.getKey() + ": " + over);
            }
            shoot(page, p.getKey() + "-390");
        }
        assertEquals(List.of(), wide, "pages wider than a 390 px screen (first elements past the edge)");
    }

    @Test
    void noSeriousAccessibilityViolationsAndAScreenshotAtLaptopWidth() throws IOException {
        Page page = loggedIn();
        page.setViewportSize(1366, 900);
        String axe = Files.readString(AXE);
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> p : pages().entrySet()) {
            page.navigate(base + p.getValue());
            page.waitForLoadState();
            shoot(page, p.getKey() + "-1366");
            // Evaluated through the DevTools protocol, so the page's Content-Security-Policy lets it run.
            page.evaluate(axe);
            Object passed = page.evaluate("async () => { window.glossAxe = await axe.run(document, { resultTypes: ['violations'] });"
                    + " return window.glossAxe.passes.length; }");
            assertTrue(((Number) passed).intValue() > 10, p.getKey() + ": axe-core checked the page (" + passed + " rules passed)");
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) page.evaluate("() => window.glossAxe.violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
            found.forEach(v -> violations.add(p.getKey() + ": " + v));
        }
        assertEquals(List.of(), violations, "serious or critical accessibility violations (axe-core)");
    }

    private Page loggedIn() {
        Page page = chromium.watchedPage(chromium.newContext(), ADMIN, List.of());
        SystemChromium.logIn(page, base.toString(), ADMIN);
        return page;
    }

    private static void shoot(Page page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        assertTrue(Files.size(shot) > 5_000, name + ": a real screenshot, " + Files.size(shot) + " bytes");
    }

    private void annotate(String username, String quote, String label) {
        accounts.as(username).contentType(ContentType.JSON).body(TestData.span(article, TEXT, quote, label, null))
                .post("/api/annotations").then().log().ifValidationFails().statusCode(201);
    }
}
