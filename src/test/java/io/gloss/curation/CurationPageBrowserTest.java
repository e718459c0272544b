package io.gloss.curation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reviewer curates an article in Chromium with the keyboard alone: accepts the agreed units,
 * resolves a dispute by a lane's number, builds a JSON Lines dataset from the form, and the
 * dataset holds each unit once, with everyone who gave it.
 */
@QuarkusTest
class CurationPageBrowserTest {

    static final String CURATOR = "cp-curator";
    static final String TEXT = "Zelensky said two soldiers were captured in Kursk Oblast. Seoul confirmed it.";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        for (String editor : List.of("cp-ann", "cp-bob", "cp-cy")) {
            accounts.ensure(editor, "editor");
        }
        accounts.ensure(CURATOR, "reviewer");
        projectId = data.project("cp-ann", "cp-bob", "cp-cy", CURATOR);
        articleId = data.article(projectId, "Curated in the browser", TEXT);
        for (String editor : List.of("cp-ann", "cp-bob", "cp-cy")) {
            annotate(editor, "Zelensky", "ACTOR");
            annotate(editor, "Seoul", "LOCATION");
            annotate(editor, editor.equals("cp-ann") ? "Kursk" : "Kursk Oblast", "LOCATION");
        }
    }

    void annotate(String user, String quote, String label) {
        int start = TEXT.indexOf(quote);
        accounts.as(user).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", label, "start", start, "end", start + quote.length(), "quote", quote))
                .post("/api/annotations").then().statusCode(201);
    }

    @Test
    void acceptAgreedResolveADisputeAndExportEachUnitOnce() throws Exception {
        Page page = chromium.watchedPage(chromium.newContext(), CURATOR, List.of());
        SystemChromium.logIn(page, base.toString(), CURATOR);
        page.navigate(base + "articles/" + articleId + "/curation");
        page.waitForSelector("#curator[data-ready=true]");
        assertThat(page.locator("#curation-summary")).hasText("2 agreed, 1 disputed");
        assertThat(page.locator("mark.unit")).hasCount(3);

        page.keyboard().press("Shift+A");
        assertThat(page.locator("#status")).hasText("Accepted 2 agreed units.");
        assertThat(page.locator("#curation-summary")).hasText("1 disputed, 2 curated");

        // The dispute: ann says "Kursk", bob and cy "Kursk Oblast". Lanes 1..3 are ann, bob, cy.
        page.keyboard().press("j");
        assertThat(page.locator("#unit-panel")).hasAttribute("data-state", "DISPUTED");
        assertThat(page.locator("#unit-panel .lane")).hasCount(3);
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve("curation-page.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        assertTrue(Files.size(shot) > 10_000, "a real screenshot: " + Files.size(shot) + " bytes");
        assertThat(page.locator("#unit-panel .lane[data-annotator=cp-bob] .candidate")).containsText("Kursk Oblast");
        page.keyboard().press("2");
        assertThat(page.locator("#status")).hasText("Accepted 1, rejected 1.");
        assertThat(page.locator("#curation-summary")).hasText("3 curated");
        assertThat(page.locator("#unit-panel")).hasAttribute("data-state", "CURATED");

        // The dataset form, reached and filled with the keyboard: Tab to the name, type, Enter.
        page.navigate(base + "projects/" + projectId + "/datasets");
        for (int i = 0; i < 60 && !"name".equals(page.evaluate("() => document.activeElement.name")); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().type("Curated units");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.matches(".*/datasets/\\d+$"));
        assertThat(page.locator(".files a[href$='/files/dataset.jsonl']")).isVisible();
        String href = page.locator(".files a[href$='/files/dataset.jsonl']").getAttribute("href");
        JsonNode line = JSON.readTree(page.request().get(base + href.replaceFirst("^/", "")).text().strip());

        Map<String, List<String>> units = new TreeMap<>();
        for (JsonNode span : line.get("spans")) {
            List<String> annotators = new ArrayList<>();
            span.get("annotators").forEach(a -> annotators.add(a.asText()));
            assertEquals(null, units.put(span.get("text").asText() + "/" + span.get("label").asText(), annotators),
                    "each unit once: " + line);
        }
        assertEquals(Map.of("Zelensky/ACTOR", List.of("cp-ann", "cp-bob", "cp-cy"),
                "Seoul/LOCATION", List.of("cp-ann", "cp-bob", "cp-cy"),
                "Kursk Oblast/LOCATION", List.of("cp-bob", "cp-cy")), units);
    }

    @Test
    void aDrawnSpanIsTheCuratorsOwnAndWaitsForAnotherReviewer() {
        Page page = chromium.watchedPage(chromium.newContext(), CURATOR, List.of());
        SystemChromium.logIn(page, base.toString(), CURATOR);
        page.navigate(base + "articles/" + articleId + "/curation");
        page.waitForSelector("#curator[data-ready=true]");
        page.keyboard().press("j");
        // "in Kursk Oblast": selected in the page (the DOM's selection; Chromium has no caret in plain text by default).
        page.evaluate("() => { const t = document.getElementById('article-text'); const w = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);"
                + " const nodes = []; for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);"
                + " const at = (p) => { let s = 0; for (const n of nodes) { if (p <= s + n.length) return [n, p - s]; s += n.length; } };"
                + " const from = at(t.textContent.indexOf('in Kursk')), to = at(t.textContent.indexOf('Oblast') + 6);"
                + " getSelection().setBaseAndExtent(from[0], from[1], to[0], to[1]); }");
        page.keyboard().press("l");
        assertThat(page.locator("#status")).containsText("waits for another reviewer. 3 rejected.");
        assertThat(page.locator("#unit-panel .lane[data-annotator=" + CURATOR + "] .candidate")).containsText("in Kursk Oblast");
        int start = TEXT.indexOf("in Kursk");
        assertEquals(List.of(CURATOR), accounts.as(CURATOR).get("/api/articles/" + articleId + "/annotations").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.start == " + start + " }.author"));
    }
}
