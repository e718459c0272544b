package io.gloss.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TcpRelay;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The review queue updates itself (issue 16): while a reviewer works through the queue, an
 * editor's new submission appears as a row like the others, a colleague's decision greys its row
 * out and says who decided, an author's edit or deletion shows, and the counts follow; the row the
 * reviewer is on keeps its focus and its tick. A dropped connection says so and catches up.
 */
@QuarkusTest
class ReviewQueueLiveBrowserTest {

    static final String EDITOR = "queue-live-editor";
    static final String REVIEWER = "queue-live-reviewer";
    /** Another reviewer, deciding through the API (a script, another tab). */
    static final String COLLEAGUE = "queue-live-colleague";
    static final String TEXT = "Kyiv said on Tuesday that Volodymyr Zelensky met soldiers in Kharkiv. "
            + "Moscow denied that its units had left Kursk.";
    /** Within a second on an idle machine; three for a 2-core one running the app, the test and the browser. */
    static final double LIVE_MS = 3_000;

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
    String title;

    @BeforeEach
    void fixture() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(COLLEAGUE, "reviewer");
        projectId = data.project(EDITOR, REVIEWER, COLLEAGUE);
        title = "Live queue " + projectId;
        articleId = data.article(projectId, title, TEXT);
    }

    @Test
    void othersWorkArrivesWhileTheReviewerKeepsTheirPlace() {
        long kyiv = create("Kyiv", "LOCATION");
        long zelensky = create("Volodymyr Zelensky", "ACTOR");
        Page page = openQueue(base.toString());
        assertCounts(page, 2, 0, 0);

        // The reviewer is on the second row and has ticked it.
        page.keyboard().press("j");
        page.keyboard().press("x");
        assertThat(row(page, zelensky)).isFocused();
        assertThat(row(page, zelensky).locator("input.pick-row")).isChecked();

        // An editor submits: the row comes at the end, as the server renders rows.
        long kharkiv = create("Kharkiv", "LOCATION");
        Locator added = row(page, kharkiv);
        assertThat(added.locator("mark")).hasText("Kharkiv", new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS));
        assertThat(page.locator("#queue tr.queue-row").last()).hasAttribute("id", "row-" + kharkiv);
        assertThat(added.locator("td.in-context")).containsText("Volodymyr Zelensky met soldiers in Kharkiv.");
        assertThat(added.locator(".chip")).hasAttribute("data-label", "LOCATION");
        assertThat(added.locator(".chip")).hasText("Location");
        assertEquals(row(page, kyiv).locator(".chip").getAttribute("style"), added.locator(".chip").getAttribute("style"),
                "the label's colour");
        assertThat(added.locator("td.author")).hasText(EDITOR);
        assertThat(added.locator("a[href='/articles/" + articleId + "#a-" + kharkiv + "']")).hasText(title);
        assertCounts(page, 3, 0, 0);

        // A colleague approves the first row: it stays in place, greyed, saying who decided.
        decide(COLLEAGUE, kyiv, "APPROVE", null);
        assertThat(row(page, kyiv)).hasClass(Pattern.compile("\\bgone\\b"), new LocatorAssertions.HasClassOptions().setTimeout(LIVE_MS));
        assertThat(row(page, kyiv).locator(".row-message")).hasText("Approved by " + COLLEAGUE + ".");
        assertThat(row(page, kyiv).locator("input.pick-row")).isDisabled();
        assertCounts(page, 2, 1, 0);
        assertThat(row(page, zelensky)).isFocused();
        assertThat(row(page, zelensky)).hasClass(Pattern.compile("\\bcurrent\\b"));
        assertThat(row(page, zelensky).locator("input.pick-row")).isChecked();

        // The author edits the note of the row the reviewer is on: it shows, focus and tick stay.
        edit(zelensky, "Seen in the video");
        assertThat(row(page, zelensky).locator("td.note")).hasText("Seen in the video",
                new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS));
        assertThat(row(page, zelensky)).isFocused();
        assertThat(row(page, zelensky).locator("input.pick-row")).isChecked();

        // j and k pass over the row decided elsewhere.
        page.keyboard().press("j");
        assertThat(row(page, kharkiv)).isFocused();
        page.keyboard().press("k");
        page.keyboard().press("k");
        assertThat(row(page, zelensky)).isFocused();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "review-queue-live.png")));

        // The reviewer approves the edited row (its new version), and the author deletes the last:
        // nothing waits any more, and the page says so.
        page.waitForResponse(r -> r.url().endsWith("/api/annotations/" + zelensky + "/decision") && r.status() == 200,
                () -> page.keyboard().press("a"));
        accounts.as(EDITOR).delete("/api/annotations/" + kharkiv).then().statusCode(204);
        assertThat(page.locator("#queue-empty")).containsText("Nothing waiting for review",
                new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE_MS));
        assertCounts(page, 0, 2, 0);

        // An empty queue shows the next submission, keys and all.
        long kursk = create("Kursk", "LOCATION");
        assertThat(row(page, kursk).locator("mark")).hasText("Kursk", new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS));
        assertThat(page.locator("#queue-empty")).hasCount(0);
        assertCounts(page, 1, 2, 0);
        page.keyboard().press("j");
        assertThat(row(page, kursk)).isFocused();
        page.keyboard().press("r");
        page.keyboard().type("Kursk is where the units were");
        page.waitForResponse(r -> r.url().endsWith("/api/annotations/" + kursk + "/decision") && r.status() == 200,
                () -> page.keyboard().press("Enter"));
        assertCounts(page, 0, 2, 1);
        assertNoReload(page);
    }

    @Test
    void anEmptyQueueShowsTheFirstSubmissionAsTheServerWould() {
        Page page = openQueue(base.toString());
        assertThat(page.locator("#queue-empty")).containsText("Nothing waiting for review");
        long kyiv = create("Kyiv", "LOCATION");
        assertThat(row(page, kyiv).locator("mark")).hasText("Kyiv", new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS));
        assertThat(page.locator("#queue-empty")).hasCount(0);
        assertThat(page.locator("#queue th")).hasText(new String[] {"", "Span in its sentence", "Label", "Author", "Note", "Age",
            "Article", "Decide"});
        assertThat(page.locator("#status")).hasText("Oldest first. j/k move, a approves, r rejects.");
        assertCounts(page, 1, 0, 0);
        page.keyboard().press("x");
        assertThat(row(page, kyiv).locator("input.pick-row")).isChecked();
        assertThat(page.locator("#pick-all")).isChecked();
        assertNoReload(page);
    }

    @Test
    void aDroppedConnectionSaysOfflineAndCatchesUpByItself() throws IOException {
        long kyiv = create("Kyiv", "LOCATION");
        long zelensky = create("Volodymyr Zelensky", "ACTOR");
        try (TcpRelay relay = new TcpRelay(base.getPort())) {
            Page page = openQueue("http://127.0.0.1:" + relay.port() + "/");
            page.keyboard().press("j");
            assertThat(row(page, zelensky)).isFocused();
            relay.down();
            assertThat(page.locator("#connection")).hasText("Offline — reconnecting…");
            assertThat(page.locator("#review")).hasAttribute("data-live", "offline");

            // Missed while offline.
            decide(COLLEAGUE, kyiv, "REJECT", "Not a place in the story");
            long kursk = create("Kursk", "LOCATION");
            relay.up();

            assertThat(page.locator("#connection")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20_000));
            assertThat(row(page, kyiv).locator(".row-message")).hasText(
                    "Rejected by " + COLLEAGUE + ": “Not a place in the story”.", new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS));
            assertThat(row(page, kursk).locator("mark")).hasText("Kursk");
            assertThat(row(page, zelensky)).isFocused();
            assertCounts(page, 2, 0, 1);
            assertNoReload(page);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The reviewer's queue of the project, with its event stream open. */
    Page openQueue(String site) {
        Page page = chromium.watchedPage(chromium.newContext(), REVIEWER, List.of());
        SystemChromium.logIn(page, site, REVIEWER);
        page.navigate(site + "review?project=" + projectId);
        page.waitForSelector("#review[data-ready=true][data-live=open]");
        page.evaluate("() => { window.glossSamePage = true; }");
        return page;
    }

    static void assertNoReload(Page page) {
        assertEquals(true, page.evaluate("() => window.glossSamePage === true"), "the page was not reloaded");
    }

    static Locator row(Page page, long id) {
        return page.locator("#row-" + id);
    }

    static void assertCounts(Page page, long submitted, long approved, long rejected) {
        LocatorAssertions.HasTextOptions live = new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS);
        assertThat(page.locator("#counts a[data-status=SUBMITTED] .count")).hasText(String.valueOf(submitted), live);
        assertThat(page.locator("#counts a[data-status=APPROVED] .count")).hasText(String.valueOf(approved), live);
        assertThat(page.locator("#counts a[data-status=REJECTED] .count")).hasText(String.valueOf(rejected), live);
    }

    long create(String quote, String label) {
        return accounts.as(EDITOR).contentType(ContentType.JSON).body(TestData.span(articleId, TEXT, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void edit(long id, String note) {
        int version = accounts.as(EDITOR).get("/api/annotations/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
        accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("note", note, "version", version))
                .put("/api/annotations/" + id).then().statusCode(200);
    }

    void decide(String reviewer, long id, String decision, String comment) {
        Map<String, Object> body = comment == null ? Map.of("decision", decision) : Map.of("decision", decision, "comment", comment);
        accounts.as(reviewer).contentType(ContentType.JSON).body(body)
                .post("/api/annotations/" + id + "/decision").then().statusCode(200);
    }
}
