package io.gloss.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.gloss.ChromiumPerClass;
import io.gloss.SharedCorpus;
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
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Searching as a person does: {@code /} on a project page focuses the header's box, the results
 * show the matched words marked, a facet narrows them and its filter is removed again, and a
 * result opens the article with the hit selected in the middle of the window (a screenshot is kept).
 */
@QuarkusTest
class SearchPageBrowserTest {

    static final String ED1 = "sb-editor-one";
    static final String ED2 = "sb-editor-two";
    // Written for this test; the hit sits between two runs of the shared corpus' articles, well below the first screen.
    static final String LAST = "Engineers at the Enerhodar plant restored the cooling line, the operator said on Friday.";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    long article;
    String text;

    @BeforeEach
    void fixture() throws IOException {
        accounts.ensure(ED1, "editor");
        accounts.ensure(ED2, "editor");
        project = data.project(ED1, ED2);
        StringBuilder corpus = new StringBuilder();
        for (Path file : SharedCorpus.files()) {
            corpus.append(Files.readString(file).strip()).append("\n\n");
        }
        text = corpus + LAST + "\n\n" + corpus.toString().strip();
        article = data.article(project, "A long day at the plant", text);
        accounts.as(ED2).contentType(ContentType.JSON).body(TestData.span(article, text, "Enerhodar", "LOCATION", "occupied town"))
                .post("/api/annotations").then().statusCode(201);
    }

    @Test
    void slashSearchesMarksNarrowsAndOpensTheArticleAtTheHit() {
        Page page = chromium.watchedPage(chromium.newContext(), "page", List.of());
        page.setViewportSize(1280, 800);
        SystemChromium.logIn(page, base.toString(), ED1);
        page.navigate(base + "projects/" + project);
        page.keyboard().press("/");
        Locator box = page.locator("#header-search");
        assertThat(box).isFocused();
        page.keyboard().type("enerhod*");
        page.keyboard().press("Enter");

        page.waitForURL(Pattern.compile(".*/search\\?q=enerhod.*project=" + project + ".*"));
        Locator hits = page.locator("#search-results > li");
        assertThat(hits).hasCount(2);
        assertThat(hits.first().locator(".snippet mark")).hasText("Enerhodar");
        assertThat(hits.nth(1).locator(".snippet mark")).hasText("Enerhodar");
        assertThat(hits.nth(1)).containsText("by " + ED2);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Paths.get("target", "screenshots", "search-page.png")));

        page.locator("#facet-label a", new Page.LocatorOptions().setHasText("LOCATION")).click();
        assertThat(hits).hasCount(1);
        assertThat(hits.first()).hasAttribute("data-kind", "annotation");
        assertThat(page.locator("#active-filters")).containsText("Label: LOCATION");
        page.getByLabel("Remove the filter Label: LOCATION").click();
        assertThat(hits).hasCount(2);

        hits.first().locator("a.hit-link").click();
        page.waitForURL(Pattern.compile(".*/articles/" + article + "#at-\\d+-\\d+"));
        assertThat(page.locator("#annotator")).hasAttribute("data-ready", "true");
        assertEquals("Enerhodar", page.evaluate("() => window.getSelection().toString()"));
        double middle = ((Number) page.evaluate("() => { const r = window.getSelection().getRangeAt(0).getBoundingClientRect();"
                + " return (r.top + r.bottom) / 2 / window.innerHeight; }")).doubleValue();
        assertTrue(middle > 0.25 && middle < 0.75, "the hit is scrolled into the window, not left below it: " + middle);
        assertTrue(((Number) page.evaluate("() => window.scrollY")).doubleValue() > 0, "the page scrolled down to the hit");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "search-page-hit.png")));
    }
}
