package io.gloss.suggestion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
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
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Suggestions on the article page in a real browser, decided as an editor would: an entity's name
 * proposed twice, "label all occurrences" with `o`, then n to walk them, Enter to accept, x to
 * reject, "Accept all" for a label and a click on a suggestion's words then its label's key. The
 * accepted ones are spans on the page and rows of the review queue; the rejected one stays away
 * after a reload; the real spans are never covered.
 */
@QuarkusTest
class SuggestionPageBrowserTest {

    static final String EDITOR = "suggestion-browser-editor";
    static final String REVIEWER = "suggestion-browser-reviewer";
    // Kharkiv three times, the mayor's name twice: written for this test.
    static final String TEXT = "Shelling hit Kharkiv overnight. The mayor of Kharkiv, Ihor Terekhov, said repairs began at dawn."
            + "\n\nIhor Terekhov asked residents of Kharkiv to stay indoors — “for one more night”.";

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
        accounts.ensure(REVIEWER, "reviewer");
        page = chromium.watchedPage(chromium.newContext(), "page", List.of());
    }

    @Test
    void suggestionsAreAcceptedAndRejectedByKeyboardAndMouseAndTheAcceptedOnesGoToReview() {
        long project = data.project(EDITOR, REVIEWER);
        long article = data.article(project, "Night in Kharkiv", TEXT);
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("name", "Ihor Terekhov", "type", "ACTOR"))
                .post("/api/projects/" + project + "/entities").then().statusCode(201);
        long first = accounts.as(EDITOR).contentType(ContentType.JSON).body(TestData.span(article, TEXT, "Kharkiv", "LOCATION", null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");

        SystemChromium.logIn(page, base.toString(), EDITOR);
        page.navigate(base + "articles/" + article);
        page.waitForSelector("#annotator[data-suggestions=loaded]");
        Locator boxes = page.locator("#suggestion-layer .suggestion");
        assertThat(boxes).hasCount(2);
        assertThat(page.locator("#suggestion-layer .suggestion[data-source=ENTITY][data-label=ACTOR]")).hasCount(2);
        assertThat(page.locator("#suggestions .suggestions-heading")).hasText("Suggestions (2)");

        // o on the editor's own Kharkiv proposes the two others.
        page.locator("#article-text mark.hl[data-annotation-id='" + first + "']").first().click();
        Response proposed = page.waitForResponse(r -> r.url().endsWith("/api/annotations/" + first + "/occurrences"),
                () -> page.keyboard().press("o"));
        assertEquals(200, proposed.status());
        assertThat(boxes).hasCount(4);
        assertThat(page.locator("#status")).containsText("Proposed Location at 2 other occurrences of “Kharkiv”");
        page.locator("#text-frame").screenshot(new Locator.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "suggestions.png")));
        // Drawn over the text, they leave the real span where it was and as it was.
        assertThat(page.locator("#article-text mark.hl")).hasCount(1);

        // n: the second Kharkiv; Enter accepts it, and the focus goes on to the mayor.
        page.keyboard().press("n");
        assertThat(focused()).hasAttribute("data-label", "LOCATION");
        assertThat(page.locator("#status")).containsText("Suggested Location “Kharkiv”: Enter or l accepts");
        JsonPath accepted = decided("accept", () -> page.keyboard().press("Enter"), 201);
        assertEquals("OCCURRENCE", accepted.getString("origin"));
        assertThat(page.locator("#article-text mark.hl.hl-start[data-label=LOCATION]")).hasCount(2);
        assertThat(focused()).hasAttribute("data-label", "ACTOR");

        // The location key on an actor suggestion says so; x rejects it.
        page.keyboard().press("l");
        assertThat(page.locator("#status")).containsText("This suggestion is Actor, not Location");
        decided("reject", () -> page.keyboard().press("x"), 204);
        assertThat(boxes).hasCount(2);

        // Accept all of the actors: the second Terekhov.
        Response all = page.waitForResponse(r -> r.url().contains("/suggestions/accept?label=ACTOR"),
                () -> page.locator("#suggestions button.accept-all[data-label=ACTOR]").click());
        assertEquals(200, all.status(), all.text());
        assertThat(page.locator("#article-text mark.hl.hl-start[data-label=ACTOR]")).hasCount(1);
        assertThat(page.locator("#status")).containsText("Accepted 1 suggested Actor span");

        // The mouse: a click on the last Kharkiv's words focuses its suggestion; its label's key accepts.
        // Its box is drawn again once the accepted actor has left the layer: wait for that first, or
        // the box measured may be the one being replaced (CI: "Element is not attached to the DOM").
        assertThat(boxes).hasCount(1);
        Locator lastLine = boxes.first().locator(".suggestion-line").first();
        lastLine.scrollIntoViewIfNeeded();
        BoundingBox last = lastLine.boundingBox();
        page.mouse().click(last.x + last.width / 2, last.y + last.height / 2);
        assertThat(focused()).hasAttribute("data-label", "LOCATION");
        decided("accept", () -> page.keyboard().press("l"), 201);
        assertThat(boxes).hasCount(0);
        assertThat(page.locator("#suggestions .suggestions-heading")).hasText("Suggestions (0)");
        assertThat(page.locator("#article-text mark.hl.hl-start")).hasCount(4);

        // After a reload: four spans, and the rejected Terekhov is not proposed again.
        page.reload();
        page.waitForSelector("#annotator[data-suggestions=loaded]");
        assertThat(page.locator("#article-text mark.hl.hl-start")).hasCount(4);
        assertThat(boxes).hasCount(0);

        // The reviewer's queue lists the editor's span and the three accepted ones.
        Page reviewer = chromium.watchedPage(chromium.newContext(), "reviewer", List.of());
        SystemChromium.logIn(reviewer, base.toString(), REVIEWER);
        reviewer.navigate(base + "review?project=" + project);
        reviewer.waitForSelector("#review[data-ready=true]");
        assertThat(reviewer.locator("#queue tr.queue-row")).hasCount(4);
        assertThat(reviewer.locator("#queue tr.queue-row mark")).hasText(new String[] {"Kharkiv", "Kharkiv", "Ihor Terekhov", "Kharkiv"});
    }

    private Locator focused() {
        return page.locator("#suggestion-layer .suggestion:focus");
    }

    /** Runs the key press that decides the focused suggestion and returns the server's answer, checked for its status. */
    private JsonPath decided(String verb, Runnable action, int status) {
        Response response = page.waitForResponse(r -> Pattern.matches(".*/api/suggestions/\\d+/" + verb, r.url()), action);
        if (status == 204) {
            assertEquals(204, response.status()); // a 204 has no body to read
            return null;
        }
        assertEquals(status, response.status(), response.text());
        return JsonPath.from(response.text());
    }
}
