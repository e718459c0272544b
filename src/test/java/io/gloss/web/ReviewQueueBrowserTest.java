package io.gloss.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The review pages in a real browser (the system Chromium, headless, set up as in
 * AnnotationPageBrowserTest): a reviewer works through the queue with the keyboard and the bulk
 * buttons, refusals show up as sentences on their rows, a reviewer decides in place on the article
 * page, and the editor then sees the outcome. Each step is checked against what the API stored.
 */
@QuarkusTest
class ReviewQueueBrowserTest {

    static final String EDITOR = "queue-editor";
    static final String REVIEWER = "queue-reviewer";
    /** Reviewer and editor at once: the four-eyes rule must still hold. */
    static final String CHIEF = "queue-chief";
    /** Makes relation types (an admin's right). */
    static final String ADMIN = "queue-admin";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String TEXT = "Kyiv said on Tuesday that Volodymyr Zelensky met soldiers in Kharkiv. "
            + "Moscow denied that its units had left Kursk. A spokesman in Belgorod gave no figures.";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    final List<BrowserContext> contexts = new ArrayList<>();
    final List<String> pageErrors = new ArrayList<>();
    /** Refusals a scenario provokes on purpose, e.g. "409 POST /api/decisions". */
    final List<String> expectedFailures = new ArrayList<>();

    @BeforeEach
    void accounts() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(CHIEF, "reviewer", "editor");
        accounts.ensure(ADMIN, "admin");
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertEquals(List.of(), pageErrors, "script errors or unexpected failed requests on the page");
    }

    // ---- scenarios ----------------------------------------------------------------------------

    @Test
    void reviewerWorksThroughTheQueueWithKeysAndBulkAndTheEditorSeesTheOutcome() throws Exception {
        long projectId = data.project(EDITOR, REVIEWER);
        long articleId = data.article(projectId, "Queue walk " + projectId, TEXT);
        long a1 = create(EDITOR, articleId, "Kyiv", "LOCATION");
        long a2 = create(EDITOR, articleId, "Volodymyr Zelensky", "ACTOR");
        long a3 = create(EDITOR, articleId, "Kharkiv", "LOCATION");
        long a4 = create(EDITOR, articleId, "Moscow denied that its units had left Kursk", "CLAIM");
        long a5 = create(EDITOR, articleId, "Belgorod", "LOCATION");

        Page page = logIn(REVIEWER);
        openQueue(page, projectId);
        Locator rows = page.locator("#queue tr.queue-row");
        assertThat(rows).hasCount(5);
        assertThat(row(page, a1)).hasClass(Pattern.compile("\\bcurrent\\b"));
        assertThat(row(page, a1)).isFocused();
        assertThat(row(page, a1).locator("mark")).hasText("Kyiv");
        assertThat(row(page, a1)).containsText(" said on Tuesday that Volodymyr Zelensky met soldiers in Kharkiv.");
        assertCounts(page, 5, 0, 0);
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve("review-queue.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        assertTrue(Files.size(shot) > 10_000, "a real screenshot: " + Files.size(shot) + " bytes");

        // a: approve the current (first) row.
        decision(page, a1, () -> page.keyboard().press("a"));
        assertThat(row(page, a1)).hasCount(0);
        assertThat(rows).hasCount(4);
        assertCounts(page, 4, 1, 0);
        assertThat(page.locator("#status")).hasText("Approved “Kyiv”.");
        JsonPath approved = annotation(a1);
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(REVIEWER, approved.getString("reviewer"));
        assertThat(row(page, a2)).isFocused();

        // Keyboard only: j, j, r, type the comment, Enter.
        page.keyboard().press("j");
        page.keyboard().press("j");
        assertThat(row(page, a4)).isFocused();
        page.keyboard().press("r");
        assertThat(page.locator("#reject-dialog")).isVisible();
        assertThat(page.locator("#reject-comment")).isFocused();
        page.keyboard().type("The claim is Moscow's denial, not the retreat");
        decision(page, a4, () -> page.keyboard().press("Enter"));
        assertThat(page.locator("#reject-dialog")).isHidden();
        assertThat(row(page, a4)).hasCount(0);
        assertCounts(page, 3, 1, 1);
        JsonPath rejected = annotation(a4);
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals("The claim is Moscow's denial, not the retreat", rejected.getString("comment"));
        assertEquals(REVIEWER, rejected.getString("reviewer"));
        assertThat(row(page, a5)).isFocused(); // the next row after the decided one

        // Bulk: x on two rows, then the button.
        page.keyboard().press("x");
        page.keyboard().press("k");
        assertThat(row(page, a3)).isFocused();
        page.keyboard().press("x");
        assertThat(row(page, a3).locator("input.pick-row")).isChecked();
        assertThat(row(page, a5).locator("input.pick-row")).isChecked();
        assertThat(row(page, a2).locator("input.pick-row")).not().isChecked();
        Response bulk = page.waitForResponse(r -> r.url().endsWith("/api/decisions"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve selected")).click());
        assertEquals(200, bulk.status(), bulk::text); // the body only on failure, as in decision()
        assertThat(rows).hasCount(1);
        assertThat(row(page, a2)).hasCount(1);
        assertCounts(page, 1, 3, 1);
        assertThat(page.locator("#status")).hasText("Approved 2 annotations.");
        assertEquals("APPROVED", annotation(a3).getString("status"));
        assertEquals("APPROVED", annotation(a5).getString("status"));
        assertEquals("SUBMITTED", annotation(a2).getString("status"));

        // The editor sees the outcome on the article page and on "my work".
        Page editor = logIn(EDITOR);
        editor.navigate(base + "articles/" + articleId);
        editor.waitForSelector("#annotator[data-ready=true]");
        assertThat(mark(editor, a1)).hasAttribute("data-status", "APPROVED");
        assertThat(mark(editor, a4)).hasAttribute("data-status", "REJECTED");
        assertThat(mark(editor, a2)).hasAttribute("data-status", "SUBMITTED");
        mark(editor, a4).click();
        assertThat(editor.locator("#details")).containsText("The claim is Moscow's denial, not the retreat");
        assertThat(editor.locator("#details")).containsText(REVIEWER);

        editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My work")).click();
        Locator work = editor.locator("tr.work-row");
        assertThat(work.first()).hasAttribute("data-id", String.valueOf(a4)); // rejected first
        assertThat(work.first()).containsText("The claim is Moscow's denial, not the retreat");
        assertThat(editor.locator("tr.work-row[data-id='" + a1 + "']")).hasAttribute("data-status", "APPROVED");
        assertThat(editor.locator("tr.work-row[data-id='" + a1 + "']")).containsText(REVIEWER);
    }

    @Test
    void rowButtonsDecideForMouseAndTouchAndCompactRowsAreRemembered() {
        long projectId = data.project(EDITOR, REVIEWER, CHIEF);
        long articleId = data.article(projectId, "Row buttons " + projectId, TEXT);
        long a1 = create(EDITOR, articleId, "Kyiv", "LOCATION");
        long a2 = create(EDITOR, articleId, "Volodymyr Zelensky", "ACTOR");
        long a3 = create(EDITOR, articleId, "Kharkiv", "ACTOR");
        long own = create(CHIEF, articleId, "Belgorod", "LOCATION");

        Page page = logIn(CHIEF);
        openQueue(page, projectId);
        // One's own row offers no decision: another reviewer decides (four-eyes).
        assertThat(row(page, own).locator("button[data-act]")).hasCount(0);
        assertThat(row(page, own).locator(".row-acts")).hasText("Yours: another reviewer decides.");

        // Approve on the second row: that row is decided, not the current (first) one.
        decision(page, a2, () -> row(page, a2).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click());
        assertThat(row(page, a2)).hasCount(0);
        assertEquals("APPROVED", annotation(a2).getString("status"));
        assertEquals("SUBMITTED", annotation(a1).getString("status"));

        // Reject… asks for the comment, about that row.
        row(page, a1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject…")).click();
        assertThat(page.locator("#reject-what")).hasText("“Kyiv”");
        page.locator("#reject-comment").fill("Kyiv speaks here as the government: an actor");
        decision(page, a1, () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject").setExact(true)).click());
        assertEquals("REJECTED", annotation(a1).getString("status"));

        // Label… opens the chooser for that row; a click chooses.
        row(page, a3).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Label…")).click();
        assertThat(page.locator("#label-what")).hasText("“Kharkiv”");
        page.locator("#label-choices button[data-label=LOCATION]").click();
        assertThat(row(page, a3).locator(".chip")).hasText("Location");
        assertEquals("LOCATION", annotation(a3).getString("label"));

        // Compact rows: one line each, by the button or c, and remembered on the next visit.
        assertThat(page.locator("#compact-button")).hasAttribute("aria-pressed", "false");
        page.locator("#compact-button").click();
        assertThat(page.locator("#review")).hasClass(Pattern.compile("\\bcompact\\b"));
        assertThat(page.locator("#compact-button")).hasAttribute("aria-pressed", "true");
        page.reload();
        page.waitForSelector("#review[data-ready=true]");
        assertThat(page.locator("#review")).hasClass(Pattern.compile("\\bcompact\\b"));
        page.keyboard().press("c");
        assertThat(page.locator("#review")).not().hasClass(Pattern.compile("\\bcompact\\b"));
    }

    @Test
    void refusalsAreSentencesOnTheirRows() {
        long projectId = data.project(EDITOR, REVIEWER, CHIEF);
        long articleId = data.article(projectId, "Refusals " + projectId, TEXT);
        long own = create(CHIEF, articleId, "Kyiv", "LOCATION");
        long other = create(EDITOR, articleId, "Kharkiv", "LOCATION");
        long raced = create(EDITOR, articleId, "Belgorod", "LOCATION");
        long mislabelled = create(EDITOR, articleId, "Kursk", "CLAIM");
        expectedFailures.add("409 POST /api/decisions");
        expectedFailures.add("403 POST /api/annotations/" + own + "/label");

        Page page = logIn(CHIEF);
        openQueue(page, projectId);
        assertThat(row(page, own)).containsText("(you)");
        row(page, own).locator("input.pick-row").check();
        row(page, other).locator("input.pick-row").check();
        Response refused = page.waitForResponse(r -> r.url().endsWith("/api/decisions"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve selected")).click());
        assertEquals(409, refused.status());
        assertThat(row(page, own).locator(".row-message")).hasText(
                "You made this annotation, so another reviewer must decide on it (four-eyes rule).");
        assertThat(row(page, other).locator(".row-message")).containsText("other rows were refused");
        assertThat(page.locator("#status")).containsText("Nothing was decided: 1 of 2 selected annotations");
        assertCounts(page, 4, 0, 0);
        assertEquals("SUBMITTED", annotation(other).getString("status"), "all or nothing");

        // Someone else decides while the page is open: the row says so (the queue is live), and a
        // decision on it is not sent.
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + raced + "/decision").then().statusCode(200);
        assertThat(row(page, raced).locator(".row-message")).hasText("Approved by " + REVIEWER + ".");
        row(page, raced).click();
        page.keyboard().press("a");
        assertThat(page.locator("#status")).hasText("No longer waiting here: Approved by " + REVIEWER + ".");
        assertThat(row(page, raced)).hasCount(1);
        assertCounts(page, 3, 1, 0);

        // e, then l: a reviewer corrects a label; the row stays in the queue with its new label.
        row(page, mislabelled).click();
        page.keyboard().press("e");
        Locator chooser = page.locator("#label-dialog");
        assertThat(chooser).isVisible();
        assertThat(chooser.locator("button[data-label]")).hasCount(3); // the project's labels
        assertThat(chooser.locator("button[data-label=LOCATION]")).containsText("Location l");
        assertThat(chooser.locator("button[aria-current]")).hasAttribute("data-label", "CLAIM");
        page.keyboard().press("Escape");
        assertThat(chooser).isHidden();
        assertThat(row(page, mislabelled)).isFocused();
        page.keyboard().press("e");
        assertThat(chooser).isVisible(); // the key goes to the chooser only once it is open
        assertThat(chooser.locator("button[aria-current]")).isFocused();
        // Esc and e in one go, before the browser fires the dialog's (queued) close event: the
        // reopened chooser must still know its row. Key presses from outside the page cannot pin
        // that order, so the two keys are given in one script; CI once met it by chance.
        page.evaluate("() => { document.getElementById('label-dialog').close();"
                + " document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'e', bubbles: true})); }");
        assertThat(chooser).isVisible();
        assertThat(chooser.locator("button[aria-current]")).isFocused();
        // Asserted through what the page shows, not a response wait, so that a failure says which
        // step stopped: the chooser still open (the key was lost) or the status line's sentence.
        page.keyboard().press("l");
        assertThat(chooser).isHidden();
        assertThat(page.locator("#status")).hasText("Label changed to Location.");
        assertThat(row(page, mislabelled).locator(".chip")).hasText("Location");
        assertThat(row(page, mislabelled).locator(".chip")).hasAttribute("data-label", "LOCATION");
        JsonPath corrected = annotation(mislabelled);
        assertEquals("LOCATION", corrected.getString("label"));
        assertEquals("SUBMITTED", corrected.getString("status"));
        assertEquals(EDITOR, corrected.getString("author"));
        assertThat(row(page, mislabelled)).hasAttribute("data-version", String.valueOf(corrected.getInt("version")));
        assertCounts(page, 3, 1, 0);
        // Your own annotation: refused, and the server's sentence is on the row.
        row(page, own).click();
        page.keyboard().press("e");
        assertThat(chooser).isVisible();
        page.keyboard().press("c");
        assertThat(chooser).isHidden();
        assertThat(row(page, own).locator(".row-message")) // the server's 403 sentence
                .hasText("This is your own annotation: change it on the article page.");
        assertEquals("LOCATION", annotation(own).getString("label"));

        // Rejecting without a comment is caught in the comment box.
        row(page, other).click();
        page.keyboard().press("r");
        assertThat(page.locator("#reject-dialog")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("#reject-error")).hasText("Say why you reject it: the author reads the comment.");
        page.keyboard().press("Escape");
        assertThat(page.locator("#reject-dialog")).isHidden();

        page.keyboard().press("?");
        assertThat(page.locator("#shortcuts-help")).isVisible();
        assertThat(page.locator("#shortcuts-help")).containsText("Approve the current row");
        assertThat(page.locator("#shortcuts-help")).containsText("Change the current row's label");
        page.keyboard().press("Escape");
        assertThat(page.locator("#shortcuts-help")).isHidden();

        // o: the current row's article, with the annotation selected.
        page.keyboard().press("o");
        page.waitForURL(url -> url.endsWith("/articles/" + articleId + "#a-" + other));
        page.waitForSelector("#annotator[data-ready=true]");
        assertThat(mark(page, other)).hasClass(Pattern.compile("\\bselected\\b"));
        assertThat(page.locator("#details")).containsText("Kharkiv");
    }

    /** A decision answered late (held back here) must not take focus from a filter being typed in. */
    @Test
    void aLateAnswerLeavesTheFilterBoxBeingTypedIn() {
        long projectId = data.project(EDITOR, REVIEWER);
        long articleId = data.article(projectId, "Late answer " + projectId, TEXT);
        long first = create(EDITOR, articleId, "Kyiv", "LOCATION");
        long second = create(EDITOR, articleId, "Kharkiv", "LOCATION");
        Page page = logIn(REVIEWER);
        // Routed before the page loads. Set just before the key press, the route twice let the
        // decision through (CI's PostgreSQL suite and once here: the status read "Approved"); why
        // is not proven, hence the page's state in the message should it happen again.
        String decision = "**/api/annotations/" + first + "/decision";
        List<Route> held = new ArrayList<>();
        page.route(decision, held::add);
        openQueue(page, projectId);
        assertThat(row(page, first)).isFocused();

        page.keyboard().press("a");
        try {
            page.waitForCondition(() -> held.size() == 1);
        } catch (TimeoutError e) {
            throw new AssertionError("No decision request held after 'a'. Status: \"" + page.locator("#status").textContent()
                    + "\"; focus: " + page.evaluate("document.activeElement?.outerHTML.slice(0, 160)"), e);
        }
        Locator author = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Author").setExact(true));
        author.click();
        // Unrouted only after the answer: removing the last route turns Chromium's interception
        // off, which lets a held request go at once, before waitForResponse listens (CI missed it).
        page.waitForResponse(r -> r.url().endsWith(decision.substring(2)), () -> held.get(0).resume());
        page.unroute(decision);
        assertThat(row(page, first)).hasCount(0);
        assertThat(author).isFocused();
        page.keyboard().type("a"); // had focus gone to the next row, this would approve it
        assertThat(author).hasValue("a");
        assertEquals("SUBMITTED", annotation(second).getString("status"));
    }

    @Test
    void reviewerDecidesInPlaceOnTheArticlePage() {
        long projectId = data.project(EDITOR, REVIEWER);
        long articleId = data.article(projectId, "In context " + projectId, TEXT);
        long zelensky = create(EDITOR, articleId, "Volodymyr Zelensky", "ACTOR");
        long kursk = create(EDITOR, articleId, "Kursk", "LOCATION");

        Page page = logIn(REVIEWER);
        // The queue's "o" and article links land here, with the annotation selected.
        page.navigate(base + "articles/" + articleId + "#a-" + kursk);
        page.waitForSelector("#annotator[data-ready=true]");
        assertThat(mark(page, kursk)).hasClass(Pattern.compile("\\bselected\\b"));
        assertThat(page.locator("#details .details-approve")).isVisible();
        page.keyboard().press("Shift+R");
        assertThat(page.locator("#details .details-reject-comment")).isFocused();
        page.keyboard().type("Kursk is where the units were, not where the claim was made");
        decision(page, kursk, () -> page.keyboard().press("Enter"));
        assertThat(mark(page, kursk)).hasAttribute("data-status", "REJECTED");
        assertThat(page.locator("#details")).containsText("Kursk is where the units were");
        assertThat(page.locator("#details .details-approve")).hasCount(0);
        assertEquals("REJECTED", annotation(kursk).getString("status"));

        mark(page, zelensky).click();
        decision(page, zelensky, () -> page.keyboard().press("Shift+A"));
        assertThat(mark(page, zelensky)).hasAttribute("data-status", "APPROVED");
        assertThat(page.locator("#status")).containsText("Approved Actor");
        assertEquals("APPROVED", annotation(zelensky).getString("status"));
        assertEquals(REVIEWER, annotation(zelensky).getString("reviewer"));
    }

    @Test
    void relationsWaitInTheQueueAndAreDecidedWithTheSameKeysByAnotherReviewer() {
        long projectId = data.project(EDITOR, REVIEWER, CHIEF);
        relationType(projectId, "ATTRIBUTED_TO", "ACTOR");
        relationType(projectId, "LOCATED_IN", "LOCATION");
        long articleId = data.article(projectId, "Relations " + projectId, TEXT);
        long claim = create(EDITOR, articleId, "Moscow denied that its units had left Kursk", "CLAIM");
        long moscow = create(EDITOR, articleId, "Moscow", "ACTOR");
        long kursk = create(EDITOR, articleId, "Kursk", "LOCATION");
        long attributed = relate(EDITOR, "ATTRIBUTED_TO", claim, moscow);
        long located = relate(CHIEF, "LOCATED_IN", claim, kursk);

        // The chief made one of them: it is listed without buttons, and a refused key says why.
        Page chief = logIn(CHIEF);
        openRelations(chief, projectId);
        Locator rows = chief.locator("#relation-queue tr.queue-row");
        assertThat(rows).hasCount(2);
        assertThat(chief.locator("#relation-count")).hasText("2");
        assertThat(relationRow(chief, attributed)).isFocused();
        assertThat(relationRow(chief, attributed).locator(".relation-ends"))
                .hasText(Pattern.compile("Moscow denied that its units had left Kursk\\s*—Attributed to→\\s*Moscow"));
        assertThat(relationRow(chief, located)).containsText("Yours: another reviewer decides.");
        assertThat(relationRow(chief, located).locator("button[data-act]")).hasCount(0);
        expectedFailures.add("403 POST /api/relations/" + located + "/decision");
        chief.keyboard().press("j");
        assertThat(relationRow(chief, located)).isFocused();
        relationDecision(chief, located, 403, () -> chief.keyboard().press("a"));
        assertThat(relationRow(chief, located).locator(".row-message")).containsText("four-eyes");

        // Another reviewer: a approves the first, r rejects the next with a comment, then the queue is empty.
        Page page = logIn(REVIEWER);
        openRelations(page, projectId);
        assertThat(relationRow(page, attributed)).isFocused();
        relationDecision(page, attributed, 200, () -> page.keyboard().press("a"));
        assertThat(relationRow(page, attributed)).hasCount(0);
        assertThat(page.locator("#status")).hasText("Approved “Moscow denied that its units had left Ku… —Attributed to→ Moscow”."); // long quotes cut
        assertThat(page.locator("#relation-count")).hasText("1");
        assertThat(relationRow(page, located)).isFocused();
        page.keyboard().press("r");
        assertThat(page.locator("#reject-comment")).isFocused();
        page.keyboard().type("The denial names no place");
        relationDecision(page, located, 200, () -> page.keyboard().press("Enter"));
        assertThat(page.locator("#queue-empty")).hasText("No relation is waiting for review.");
        assertThat(page.locator("#relation-count")).hasText("0");

        JsonPath approved = relation(attributed);
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(REVIEWER, approved.getString("reviewer"));
        JsonPath rejected = relation(located);
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals("The denial names no place", rejected.getString("comment"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A new browser context logged in through the login form. */
    Page logIn(String username) {
        BrowserContext context = SystemChromium.newContext(chromium.browser());
        contexts.add(context);
        Page page = SystemChromium.watchedPage(context, username, pageErrors, expectedFailures);
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(base.toString());
        return page;
    }

    void openQueue(Page page, long projectId) {
        // The way a person gets there: the navigation link, then the project filter.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review").setExact(true)).click();
        page.waitForSelector("#review[data-ready=true]");
        page.getByLabel("Project").selectOption(String.valueOf(projectId));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        page.waitForURL(url -> url.contains("project=" + projectId));
        page.waitForSelector("#review[data-ready=true]");
    }

    static Locator row(Page page, long id) {
        return page.locator("#row-" + id);
    }

    static Locator mark(Page page, long id) {
        return page.locator("#article-text mark.hl[data-annotation-id='" + id + "']").first();
    }

    /** Runs the action that decides on one annotation and checks the server accepted it. */
    static void decision(Page page, long id, Runnable action) {
        Response response = page.waitForResponse(r -> r.url().endsWith("/api/annotations/" + id + "/decision"), action);
        // The body only on failure: Playwright waits forever for the body of a no-store answer
        // once the page that fetched it has reloaded (Chromium kept no copy).
        assertEquals(200, response.status(), response::text);
    }

    static void assertCounts(Page page, long submitted, long approved, long rejected) {
        assertThat(page.locator("#counts a[data-status=SUBMITTED] .count")).hasText(String.valueOf(submitted));
        assertThat(page.locator("#counts a[data-status=APPROVED] .count")).hasText(String.valueOf(approved));
        assertThat(page.locator("#counts a[data-status=REJECTED] .count")).hasText(String.valueOf(rejected));
    }

    /** From the span queue, the way a person gets there: its Relations tab. */
    void openRelations(Page page, long projectId) {
        openQueue(page, projectId);
        page.locator("#relations-tab").click();
        page.waitForSelector("#relation-review[data-ready=true]");
    }

    static Locator relationRow(Page page, long id) {
        return page.locator("#relation-row-" + id);
    }

    /** Runs the action that decides on one relation and checks the server's answer. */
    static void relationDecision(Page page, long id, int status, Runnable action) {
        Response response = page.waitForResponse(r -> r.url().endsWith("/api/relations/" + id + "/decision"), action);
        assertEquals(status, response.status(), response::text);
    }

    JsonPath relation(long id) {
        return accounts.as(EDITOR).get("/api/relations/" + id).then().statusCode(200).extract().jsonPath();
    }

    void relationType(long projectId, String key, String to) {
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("key", key, "from", List.of("CLAIM"), "to", List.of(to)))
                .post("/api/projects/" + projectId + "/relation-types").then().statusCode(201);
    }

    long relate(String username, String type, long from, long to) {
        return accounts.as(username).contentType(ContentType.JSON).body(Map.of("type", type, "fromId", from, "toId", to))
                .post("/api/relations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonPath annotation(long id) {
        return accounts.as(EDITOR).get("/api/annotations/" + id).then().statusCode(200).extract().jsonPath();
    }

    long create(String username, long articleId, String quote, String label) {
        return accounts.as(username).contentType(ContentType.JSON).body(TestData.span(articleId, TEXT, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
