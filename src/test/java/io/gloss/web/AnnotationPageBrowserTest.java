package io.gloss.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
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
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The annotation page in a real browser (the system Chromium, headless), driven the way a person
 * uses it (pages.md): the login form, links, mouse drags over the text, shortcut keys and buttons.
 * Each scenario checks what the page shows and, where it matters, what the API has stored.
 */
@QuarkusTest
class AnnotationPageBrowserTest {

    static final String EDITOR = "browser-editor";
    static final String REVIEWER = "browser-reviewer";
    static final String ACTOR_COLOR = "rgb(46, 134, 171)"; // #2e86ab, TestData's ACTOR label
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** Finds a substring of the article text and returns where its first and last characters are drawn. */
    static final String TEXT_POSITIONS = """
            (needle) => {
              const root = document.getElementById('article-text');
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const nodes = [];
              let text = '';
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                nodes.push({ node: n, from: text.length });
                text += n.data;
              }
              const at = text.indexOf(needle);
              if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error('not exactly once in the text: ' + needle);
              // The text node holding UTF-16 unit i, and the offset of i inside it.
              const locate = (i) => {
                const hit = nodes.find((n) => i >= n.from && i < n.from + n.node.length);
                return [hit.node, i - hit.from];
              };
              const charRect = (i) => {
                const range = document.createRange();
                const [node, offset] = locate(i);
                range.setStart(node, offset);
                range.setEnd(node, offset + 1);
                return range.getBoundingClientRect();
              };
              const first = charRect(at);
              const last = charRect(at + needle.length - 1);
              // Inside the first character's left half and the last one's right half, so that
              // the caret lands just before the first and just after the last.
              return {
                x1: first.left + first.width * 0.25, y1: first.top + first.height / 2,
                x2: last.right - last.width * 0.25, y2: last.top + last.height / 2,
              };
            }
            """;

    /** For every UTF-16 unit of the article text, the ids of the highlights drawn around it. */
    static final String COVERAGE = """
            () => {
              const root = document.getElementById('article-text');
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const out = [];
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const ids = [];
                for (let e = n.parentElement; e && e !== root; e = e.parentElement) {
                  if (e.matches('mark.hl')) ids.push(e.dataset.annotationId);
                }
                const key = ids.sort().join(',');
                for (let i = 0; i < n.length; i++) out.push(key);
              }
              return out;
            }
            """;

    /** Scrolls the first occurrence of a phrase in the article to the middle of the window (a block's end may be far below its top). */
    static final String SCROLL_TO_PHRASE = """
            async phrase => {
              const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
              const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(phrase);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + phrase.length);
                // Blocks that come into view are laid out in the next frames and may move the phrase
                // (content-visibility: their height was an estimate): scroll again once they are.
                for (let i = 0; i < 2; i++) {
                  window.scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
                  await frames();
                }
                return;
              }
              throw new Error(phrase + ' is not in the article');
            }
            """;

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    @BeforeEach
    void openContext() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        context = SystemChromium.newContext(chromium.browser());
        page = SystemChromium.watchedPage(context, "page", pageErrors, List.of());
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertEquals(List.of(), pageErrors, "script errors or failed requests on the page");
    }

    // ---- scenarios ----------------------------------------------------------------------------

    @Test
    void logInThroughTheFormAndClickToTheArticle() {
        long projectId = data.project(EDITOR);
        String title = "Browser navigation " + projectId;
        data.article(projectId, title, "Kyiv says two soldiers were captured near Kursk.");
        String projectName = accounts.as(EDITOR).get("/api/projects/" + projectId).then().statusCode(200)
                .extract().jsonPath().getString("name");

        page.navigate(base.toString());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in")).first().click();
        page.getByLabel("Username").fill(EDITOR);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

        page.waitForURL(base.toString());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your projects"))).isVisible();
        assertThat(page.locator("input[type=password]")).hasCount(0);
        assertThat(page.locator(".who")).containsText(EDITOR);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(projectName).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(projectName))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
        waitUntilDrawn();
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#article-text")).hasText("Kyiv says two soldiers were captured near Kursk.");
        assertThat(page.locator("#status")).containsText("Select text");
    }

    /** pages.md: logging in after following a link lands on that link (it showed a blank 401 before). */
    @Test
    void followingALinkWhileLoggedOutLandsOnItAfterLoggingIn() {
        long articleId = articleFor(EDITOR, "Followed link", "Kyiv says two soldiers were captured near Kursk.");
        page.navigate(base + "articles/" + articleId);
        page.getByLabel("Username").fill(EDITOR);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(base + "articles/" + articleId);
        waitUntilDrawn();
        assertThat(page.locator("#article-text")).hasText("Kyiv says two soldiers were captured near Kursk.");
    }

    /**
     * pages.md: a session that ends while the page is open says so on the page, with a way back
     * to the same page, and no browser password dialog (no Basic challenge); the selection stays,
     * so once logged in again (in the new tab the link opens) the same key saves it.
     */
    @Test
    void aSessionThatEndsWhileThePageIsOpenSaysSoAndKeepsTheSelection() {
        String text = "Officials said that Volodymyr Zelensky visited the front line on Tuesday.";
        long articleId = articleFor(EDITOR, "Session ends", text);
        accounts.ensure("browser-admin", "admin");
        page = SystemChromium.watchedPage(context, "ended", pageErrors, List.of("401 POST /api/annotations"));
        List<String> challenges = new ArrayList<>();
        page.onResponse(response -> {
            if (response.status() == 401 && response.headers().containsKey("www-authenticate")) {
                challenges.add(response.url());
            }
        });
        logIn(EDITOR);
        openArticle(articleId);
        accounts.as("browser-admin").delete("/api/users/" + EDITOR + "/sessions").then().statusCode(200);

        dragOver("Volodymyr Zelensky");
        page.keyboard().press("a");
        assertThat(page.locator("#status")).containsText("Your session ended — log in again.");
        Locator again = page.locator("#status a.login-again");
        assertThat(again).hasAttribute("href", "/login?next=%2Farticles%2F" + articleId);
        assertEquals(List.of(), challenges, "no Basic challenge, so no browser password dialog");
        assertEquals("Volodymyr Zelensky", page.evaluate("() => window.getSelection().toString()"));

        Page login = context.waitForPage(again::click);
        login.getByLabel("Username").fill(EDITOR);
        login.getByLabel("Password").fill(TestAccounts.PASSWORD);
        login.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        login.waitForURL(base + "articles/" + articleId);
        login.close();

        page.bringToFront();
        Map<String, Object> created = tag(() -> page.keyboard().press("a"));
        assertEquals("Volodymyr Zelensky", created.get("quote"));
        assertActorHighlight("Volodymyr Zelensky");
    }

    @Test
    void mouseSelectionAndShortcutKeySaveOneAnnotation() {
        String text = "Officials said that Volodymyr Zelensky visited the front line on Tuesday.";
        long articleId = articleFor(EDITOR, "Mouse selection", text);
        logIn(EDITOR);
        openArticle(articleId);

        String phrase = "Volodymyr Zelensky";
        dragOver(phrase);
        Map<String, Object> created = tag(() -> page.keyboard().press("a"));

        List<Map<String, Object>> stored = annotations(articleId);
        assertEquals(1, stored.size(), "exactly one annotation: " + stored);
        Map<String, Object> annotation = stored.get(0);
        assertEquals(created.get("id"), annotation.get("id"));
        assertEquals("ACTOR", annotation.get("label"));
        assertEquals(EDITOR, annotation.get("author"));
        assertEquals(phrase, annotation.get("quote"));
        assertEquals(cp(text, phrase), annotation.get("start"));
        assertEquals(cp(text, phrase) + phrase.codePointCount(0, phrase.length()), annotation.get("end"));

        assertActorHighlight(phrase);
        assertThat(page.locator("#status")).containsText("Saved Actor");

        page.reload();
        waitUntilDrawn();
        assertActorHighlight(phrase);
        assertEquals(1, annotations(articleId).size());
    }

    @Test
    void overlappingSpansAreBothDrawnOverTheRightCharacters() {
        String text = "Reports named Alpha Bravo Charlie as the units involved.";
        long articleId = articleFor(EDITOR, "Overlaps", text);
        logIn(EDITOR);
        openArticle(articleId);

        dragOver("Alpha Bravo");
        tag(() -> page.keyboard().press("a"));
        dragOver("Bravo Charlie");
        tag(() -> page.keyboard().press("c"));

        List<Map<String, Object>> stored = annotations(articleId);
        assertEquals(2, stored.size(), stored.toString());
        Map<String, Object> ab = find(stored, "Alpha Bravo");
        Map<String, Object> bc = find(stored, "Bravo Charlie");
        assertEquals("ACTOR", ab.get("label"));
        assertEquals("CLAIM", bc.get("label"));
        assertEquals(cp(text, "Alpha Bravo"), ab.get("start"));
        assertEquals(cp(text, "Alpha Bravo") + 11, ab.get("end"));
        assertEquals(cp(text, "Bravo Charlie"), bc.get("start"));
        assertEquals(cp(text, "Bravo Charlie") + 13, bc.get("end"));

        assertThat(page.locator("#article-text mark.hl[data-annotation-id='" + ab.get("id") + "']").first()).isVisible();
        assertThat(page.locator("#article-text mark.hl[data-annotation-id='" + bc.get("id") + "']").first()).isVisible();
        assertCoverage(text, stored);
        // Each span names its label in a badge and underlines in its own lane, however they cross.
        Locator abStart = page.locator("#article-text mark.hl-start[data-annotation-id='" + ab.get("id") + "']");
        Locator bcStart = page.locator("#article-text mark.hl-start[data-annotation-id='" + bc.get("id") + "']");
        assertEquals("\"ACTOR\"", abStart.evaluate("m => getComputedStyle(m, '::before').content"));
        assertEquals("\"CLAIM\"", bcStart.evaluate("m => getComputedStyle(m, '::before').content"));
        assertEquals("0", abStart.evaluate("m => getComputedStyle(m).getPropertyValue('--lane').trim()"));
        assertEquals("1", bcStart.evaluate("m => getComputedStyle(m).getPropertyValue('--lane').trim()"));
        Object abBottom = abStart.evaluate("m => getComputedStyle(m).paddingBottom");
        Object bcBottom = bcStart.evaluate("m => getComputedStyle(m).paddingBottom");
        assertTrue(!abBottom.equals(bcBottom), "the underlines sit at different depths: " + abBottom + " " + bcBottom);

        page.reload();
        waitUntilDrawn();
        assertCoverage(text, stored);
    }

    @Test
    void spanAfterEmojiAndFlagsGetsCodePointOffsets() {
        String text = "🇺🇦 Flags 👩‍👩‍👧 first, then Zelensky spoke in Kyiv.";
        long articleId = articleFor(EDITOR, "Emoji before the span", text);
        logIn(EDITOR);
        openArticle(articleId);

        dragOver("Zelensky");
        tag(() -> page.keyboard().press("a"));

        List<Map<String, Object>> stored = annotations(articleId);
        assertEquals(1, stored.size(), stored.toString());
        int start = text.codePointCount(0, text.indexOf("Zelensky"));
        assertEquals(start, stored.get(0).get("start"));
        assertEquals(start + 8, stored.get(0).get("end"));
        assertEquals("Zelensky", stored.get(0).get("quote"));
        assertActorHighlight("Zelensky");
    }

    /**
     * A person works on while an answer is on its way (held back here, as a slow server would):
     * the answer's redraw must not drop the next selection they made, nor the note they type.
     */
    @Test
    void answersThatComeLateKeepTheNextSelectionAndADraftNote() {
        String text = "Officials in Kharkiv said Oleh Syniehubov visited Izium on Monday.";
        long articleId = articleFor(EDITOR, "Late answers", text);
        create(EDITOR, articleId, text, "Kharkiv", "LOCATION");
        logIn(EDITOR);
        openArticle(articleId);

        List<Route> held = new ArrayList<>();
        page.route("**/api/annotations", held::add);
        dragOver("Izium");
        page.keyboard().press("l");
        page.waitForCondition(() -> held.size() == 1);
        dragOver("Oleh Syniehubov"); // the next span, selected before the first is saved
        // Unrouted only after the answer: removing the last route turns Chromium's interception
        // off, which lets a held request go at once, before waitForResponse listens.
        page.waitForResponse(r -> r.url().endsWith("/api/annotations"), () -> held.get(0).resume());
        page.unroute("**/api/annotations");
        assertThat(page.locator("#article-text mark.hl[data-label=LOCATION]")).hasCount(2);
        assertEquals("Oleh Syniehubov", page.evaluate("() => window.getSelection().toString()"),
                "the redraw kept the selection");
        tag(() -> page.keyboard().press("a"));
        assertEquals("ACTOR", find(annotations(articleId), "Oleh Syniehubov").get("label"));

        Map<String, Object> kharkiv = find(annotations(articleId), "Kharkiv");
        String one = "**/api/annotations/" + kharkiv.get("id");
        page.locator("#article-text mark.hl[data-annotation-id='" + kharkiv.get("id") + "']").click();
        page.route(one, held::add);
        page.locator("select.details-label-select").selectOption("CLAIM"); // sent at once
        page.waitForCondition(() -> held.size() == 2);
        Locator note = page.locator("textarea.details-note");
        note.click();
        page.keyboard().type("Named as the region's governor");
        page.waitForResponse(r -> r.url().endsWith(one.substring(2)), () -> held.get(1).resume());
        page.unroute(one);
        assertThat(page.locator("#status")).containsText("Relabelled Claim");
        assertThat(note).hasValue("Named as the region's governor");
        assertThat(note).isFocused();
        page.keyboard().type(" in 2024.");
        page.waitForResponse(r -> r.url().endsWith(one.substring(2)) && r.status() == 200,
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note")).click());
        Map<String, Object> saved = find(annotations(articleId), "Kharkiv");
        assertEquals("CLAIM", saved.get("label"));
        assertEquals("Named as the region's governor in 2024.", saved.get("note"));

        // Emptying the box and saving clears the note, and the redrawn box stays empty.
        note.fill("");
        page.waitForResponse(r -> r.url().endsWith(one.substring(2)) && r.status() == 200,
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note")).click());
        assertNull(find(annotations(articleId), "Kharkiv").get("note"));
        assertThat(page.locator("#status")).containsText("Saved Claim");
        assertThat(note).hasValue("");
    }

    @Test
    void clickingAnOwnHighlightAndPressingDeleteRemovesIt() {
        String text = "The mayor of Kharkiv said the strike hit a school.";
        long articleId = articleFor(EDITOR, "Delete", text);
        create(EDITOR, articleId, text, "Kharkiv", "LOCATION");
        logIn(EDITOR);
        openArticle(articleId);

        Locator mark = page.locator("#article-text mark.hl[data-label=LOCATION]");
        assertThat(mark).hasText("Kharkiv");
        mark.click();
        assertThat(mark).hasClass(Pattern.compile("\\bselected\\b"));
        assertThat(page.locator("#details")).containsText("Location");
        Response deleted = page.waitForResponse(
                r -> "DELETE".equals(r.request().method()) && r.url().contains("/api/annotations/"),
                () -> page.keyboard().press("Delete"));
        assertEquals(204, deleted.status());

        assertThat(page.locator("#article-text mark.hl")).hasCount(0);
        assertThat(page.locator("#status")).containsText("Deleted Location");
        assertEquals(List.of(), annotations(articleId));

        page.reload();
        waitUntilDrawn();
        assertThat(page.locator("#article-text mark.hl")).hasCount(0);
    }

    @Test
    void clickingALabelButtonAfterSelectingSaves() {
        String text = "Witnesses in Belgorod described the explosions.";
        long articleId = articleFor(EDITOR, "Label button", text);
        logIn(EDITOR);
        openArticle(articleId);

        dragOver("Belgorod", true); // right to left this time
        tag(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Location")).click());

        List<Map<String, Object>> stored = annotations(articleId);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals("LOCATION", stored.get(0).get("label"));
        assertEquals("Belgorod", stored.get(0).get("quote"));
        assertEquals(cp(text, "Belgorod"), stored.get(0).get("start"));
        assertThat(page.locator("#article-text mark.hl[data-label=LOCATION]")).hasText("Belgorod");

        // The other button a mouse user has: the list of shortcuts.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Shortcuts ?")).click();
        assertThat(page.locator("#shortcuts-help")).isVisible();
        assertThat(page.locator("#shortcuts-help")).containsText("Tag the selection as Location");
        page.keyboard().press("Escape");
        assertThat(page.locator("#shortcuts-help")).isHidden();
    }

    @Test
    void aLateDecisionLeavesTheNextRejectionBeingWritten() {
        String text = "Shelling hit Kursk overnight, and officials in Kyiv denied it.";
        long articleId = data.article(data.project(EDITOR, REVIEWER), "Late decision", text);
        create(EDITOR, articleId, text, "Kursk", "LOCATION");
        create(EDITOR, articleId, text, "Kyiv", "LOCATION");
        Object kursk = find(annotations(articleId), "Kursk").get("id");
        Object kyiv = find(annotations(articleId), "Kyiv").get("id");
        String decision = "**/api/annotations/" + kursk + "/decision";
        List<Route> held = new ArrayList<>();
        page.route(decision, held::add); // before the page loads, so that the decision cannot slip past
        logIn(REVIEWER);
        openArticle(articleId);

        page.locator("#article-text mark.hl[data-annotation-id='" + kursk + "']").click();
        page.keyboard().press("Shift+A");
        page.waitForCondition(() -> held.size() == 1);
        // The reviewer moves on before the answer is back: the next span, and why it is rejected.
        page.locator("#article-text mark.hl[data-annotation-id='" + kyiv + "']").click();
        page.keyboard().press("Shift+R");
        Locator comment = page.locator("textarea.details-reject-comment");
        assertThat(comment).isFocused();
        page.keyboard().type("The officials were in Kyiv");
        page.waitForResponse(r -> r.url().endsWith("/api/annotations/" + kursk + "/decision"), () -> held.get(0).resume());
        page.unroute(decision);
        assertThat(page.locator("#status")).containsText("Approved Location");
        assertThat(comment).isFocused();
        assertThat(comment).hasValue("The officials were in Kyiv");
        page.keyboard().type(", not shelled.");
        page.waitForResponse(r -> r.url().endsWith("/api/annotations/" + kyiv + "/decision") && r.status() == 200,
                () -> page.keyboard().press("Enter"));
        assertEquals("APPROVED", find(annotations(articleId), "Kursk").get("status"));
        Map<String, Object> rejected = find(annotations(articleId), "Kyiv");
        assertEquals("REJECTED", rejected.get("status"));
        assertEquals("The officials were in Kyiv, not shelled.", rejected.get("comment"));
    }

    @Test
    void reviewerSeesThePageButCannotAnnotate() {
        String text = "The governor of Kursk announced an evacuation.";
        long projectId = data.project(EDITOR, REVIEWER);
        long articleId = data.article(projectId, "Reviewer view", text);
        List<String> writes = new ArrayList<>();
        page.onRequest(request -> {
            if (!"GET".equals(request.method()) && request.url().contains("/api/")) {
                writes.add(request.method() + " " + request.url());
            }
        });
        logIn(REVIEWER);
        openArticle(articleId);

        assertThat(page.locator("#article-text")).hasText(text);
        Locator buttons = page.locator("#palette button.label-button");
        assertThat(buttons).hasCount(3);
        for (int i = 0; i < 3; i++) {
            assertThat(buttons.nth(i)).isDisabled();
        }
        assertThat(page.locator("#status")).containsText("You can view but not annotate");

        dragOver("Kursk");
        page.keyboard().press("a");
        // The page answers the key in its status area (a message element replaces the initial text).
        assertThat(page.locator("#status .status-message")).hasText("You can view but not annotate in this project.");
        assertThat(page.locator("#article-text mark.hl")).hasCount(0);
        assertEquals(List.of(), writes);
        assertEquals(List.of(), annotations(articleId));
    }

    @Test
    void screenshotOfTheAnnotationPage() throws Exception {
        String text = "🇺🇦 Kyiv, Tuesday. President Volodymyr Zelensky said “two soldiers” were captured near Kursk — "
                + "a claim the Russian side denies 👩‍👩‍👧.\n\nThe governor of Belgorod reported strikes overnight.";
        long articleId = articleFor(EDITOR, "Screenshot", text);
        create(EDITOR, articleId, text, "Volodymyr Zelensky", "ACTOR");
        create(EDITOR, articleId, text, "Zelensky said “two soldiers” were captured", "CLAIM");
        create(EDITOR, articleId, text, "Kursk", "LOCATION");
        create(EDITOR, articleId, text, "Belgorod", "LOCATION");
        logIn(EDITOR);
        openArticle(articleId);
        assertThat(page.locator("#article-text mark.hl.hl-start")).hasCount(4);

        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve("annotation-page.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        assertTrue(Files.size(file) > 10_000, "a real screenshot: " + Files.size(file) + " bytes");
        for (int width : new int[] {1366, 390}) {
            page.setViewportSize(width, 900);
            Path sized = SCREENSHOTS.resolve("annotation-page-" + width + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(sized).setFullPage(true));
            assertTrue(Files.size(sized) > 10_000, "a real screenshot: " + Files.size(sized) + " bytes");
        }
    }

    // ---- issue 19: no silent state changes, selection that helps, keyboard only -----------------

    /** Keyboard only: the skip link first, then words selected with the arrows, extended, tagged by its key. */
    @Test
    void aKeyboardOnlyEditorTagsWordsWithTheArrowKeys() {
        String text = "Officials said that Volodymyr Zelensky visited the front line on Tuesday.";
        long articleId = articleFor(EDITOR, "Keyboard only", text);
        logIn(EDITOR);
        openArticle(articleId);

        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to the text");
        page.keyboard().press("Enter");
        assertThat(page.locator("#article-text")).isFocused();
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("ArrowRight");
        }
        assertEquals("Volodymyr", page.evaluate("() => window.getSelection().toString()"));
        page.keyboard().press("Shift+ArrowRight");
        page.keyboard().press("Shift+ArrowRight");
        page.keyboard().press("Shift+ArrowLeft");
        assertEquals("Volodymyr Zelensky", page.evaluate("() => window.getSelection().toString()"));
        Map<String, Object> created = tag(() -> page.keyboard().press("a"));
        assertEquals("Volodymyr Zelensky", created.get("quote"));
        assertEquals(cp(text, "Volodymyr"), created.get("start"));
        assertActorHighlight("Volodymyr Zelensky");
        assertEquals(1, annotations(articleId).size());
    }

    /** Shift+arrows move the end, Alt+Shift+arrows the start: the same annotation, its rejection thread kept. */
    @Test
    void shiftArrowsMoveASpansBoundariesKeepingItsIdAndThread() {
        String text = "Officials said that Volodymyr Zelensky visited the front line on Tuesday.";
        long articleId = data.article(data.project(EDITOR, REVIEWER), "Boundaries", text);
        create(EDITOR, articleId, text, "Zelensky", "ACTOR");
        Map<String, Object> span = find(annotations(articleId), "Zelensky");
        decide(span, "REJECT", "Give the whole name");
        logIn(EDITOR);
        openArticle(articleId);

        Locator mark = page.locator("#article-text mark.hl[data-annotation-id='" + span.get("id") + "']");
        mark.click();
        assertThat(mark).isFocused();
        put(() -> page.keyboard().press("Alt+Shift+ArrowLeft"));
        assertThat(mark).hasText("Volodymyr Zelensky");
        assertThat(mark).isFocused();
        put(() -> page.keyboard().press("Shift+ArrowRight"));
        assertThat(mark).hasText("Volodymyr Zelensky visited");
        put(() -> page.keyboard().press("Shift+ArrowLeft"));

        List<Map<String, Object>> stored = annotations(articleId);
        assertEquals(1, stored.size(), stored.toString());
        Map<String, Object> moved = stored.get(0);
        assertEquals(span.get("id"), moved.get("id"));
        assertEquals("Volodymyr Zelensky", moved.get("quote"));
        assertEquals(cp(text, "Volodymyr"), moved.get("start"));
        assertEquals("REJECTED", moved.get("status"), "moving it did not resubmit it");
        assertEquals("Give the whole name", moved.get("comment"));
        assertThat(page.locator("#shortcuts-help")).containsText("move its start");
    }

    /** Relabelling an approved span asks first; Keep it sends nothing; Undo in the toast restores the label. */
    @Test
    void relabellingAnApprovedSpanAsksFirstAndCanBeUndone() {
        String text = "The governor of Kharkiv said the strike hit a school.";
        long articleId = data.article(data.project(EDITOR, REVIEWER), "Approved relabel", text);
        create(EDITOR, articleId, text, "Kharkiv", "LOCATION");
        Map<String, Object> span = find(annotations(articleId), "Kharkiv");
        decide(span, "APPROVE", null);
        List<String> writes = new ArrayList<>();
        page.onRequest(request -> {
            if ("PUT".equals(request.method())) {
                writes.add(request.url());
            }
        });
        logIn(EDITOR);
        openArticle(articleId);

        Locator mark = page.locator("#article-text mark.hl[data-annotation-id='" + span.get("id") + "']");
        mark.click();
        page.keyboard().press("a");
        Locator ask = page.locator("#details .details-confirm");
        assertThat(ask).containsText("approved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep it")).click();
        assertThat(ask).hasCount(0);
        assertEquals(List.of(), writes, "keeping it sends nothing");
        assertEquals("APPROVED", find(annotations(articleId), "Kharkiv").get("status"));

        page.locator("select.details-label-select").selectOption("ACTOR");
        assertThat(ask).isVisible();
        assertEquals(List.of(), writes);
        put(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change it")).click());
        Map<String, Object> changed = find(annotations(articleId), "Kharkiv");
        assertEquals("ACTOR", changed.get("label"));
        assertEquals("SUBMITTED", changed.get("status"));

        Locator toast = page.locator("#toast");
        assertThat(toast).isVisible();
        assertThat(toast).containsText("Relabelled Actor");
        put(() -> toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click());
        assertEquals("LOCATION", find(annotations(articleId), "Kharkiv").get("label"));
        assertEquals(span.get("id"), find(annotations(articleId), "Kharkiv").get("id"));
        assertThat(toast).isHidden();
    }

    /** Saving a note or relabelling a rejected span keeps it rejected; only Resubmit sends it back to review. */
    @Test
    void aRejectedSpanGoesBackToReviewOnlyByResubmit() {
        String text = "Shelling hit Kursk overnight, officials said.";
        long articleId = data.article(data.project(EDITOR, REVIEWER), "Resubmit", text);
        create(EDITOR, articleId, text, "Kursk", "LOCATION");
        Map<String, Object> span = find(annotations(articleId), "Kursk");
        decide(span, "REJECT", "Is it the city or the region?");
        logIn(EDITOR);
        openArticle(articleId);

        page.locator("#article-text mark.hl[data-annotation-id='" + span.get("id") + "']").click();
        assertThat(page.locator("#details")).containsText("Is it the city or the region?");
        page.locator("textarea.details-note").fill("The region, per the governor");
        put(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note")).click());
        put(() -> page.locator("select.details-label-select").selectOption("CLAIM"));
        Map<String, Object> revised = find(annotations(articleId), "Kursk");
        assertEquals("REJECTED", revised.get("status"));
        assertEquals("CLAIM", revised.get("label"));
        assertEquals("The region, per the governor", revised.get("note"));

        put(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resubmit")).click());
        assertEquals("SUBMITTED", find(annotations(articleId), "Kursk").get("status"));
        assertThat(page.locator("#status")).containsText("Resubmitted Claim");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resubmit"))).hasCount(0);
    }

    /** A mouse selection snaps to whole words without the comma and space; with Alt it keeps its characters. */
    @Test
    void selectionsSnapToWordsUnlessAltIsHeld() {
        String text = "Officials said that Volodymyr Zelensky, visited Kyiv. Then they left.";
        long articleId = articleFor(EDITOR, "Word snapping", text);
        logIn(EDITOR);
        openArticle(articleId);

        drag("odymyr Zelensky, ");
        assertEquals("Volodymyr Zelensky", page.evaluate("() => window.getSelection().toString()"));
        Map<String, Object> created = tag(() -> page.keyboard().press("a"));
        assertEquals("Volodymyr Zelensky", created.get("quote"));

        page.keyboard().down("Alt");
        drag("Kyiv. ");
        page.keyboard().up("Alt");
        assertEquals("Kyiv. ", page.evaluate("() => window.getSelection().toString()"));
        Map<String, Object> exact = tag(() -> page.keyboard().press("l"));
        assertEquals("Kyiv. ", exact.get("quote"));
    }

    /** On a long article, the status line and the Undo toast are in view where the reader is. */
    @Test
    void undoAfterDeletingFarDownIsInView() {
        String filler = "Paragraph of filler text about the front line and the weather over the region.\n\n".repeat(120);
        String text = filler + "At the very end, the mayor of Kharkiv spoke.";
        long articleId = articleFor(EDITOR, "Long article", text);
        create(EDITOR, articleId, text, "Kharkiv", "LOCATION");
        logIn(EDITOR);
        openArticle(articleId);

        Locator mark = page.locator("#article-text mark.hl[data-label=LOCATION]");
        mark.scrollIntoViewIfNeeded();
        mark.click();
        page.waitForResponse(r -> "DELETE".equals(r.request().method()), () -> page.keyboard().press("Delete"));
        double scrolled = ((Number) page.evaluate("() => window.scrollY")).doubleValue();
        assertTrue(scrolled > 3000, "the page is scrolled far down: " + scrolled);
        Locator toast = page.locator("#toast");
        assertThat(toast).containsText("Deleted Location");
        assertInView(toast);
        assertInView(page.locator("#status"));
        Map<String, Object> restored = tag(() -> toast.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Undo")).click());
        assertEquals("Kharkiv", restored.get("quote"));
        assertEquals(1, annotations(articleId).size());
    }

    /**
     * A change redraws only the block of paragraphs it is in: the rest of a long article keeps its
     * elements, so the browser lays out one block again, not the whole text.
     */
    @Test
    void aChangeRedrawsOnlyTheParagraphsItIsIn() {
        String filler = "Paragraph of filler text about the front line and the weather over the region.\n\n".repeat(30);
        String text = "Kyiv opened the day.\n\n" + filler + "At the very end, the mayor of Kharkiv spoke.";
        long articleId = articleFor(EDITOR, "Blocks", text);
        create(EDITOR, articleId, text, "Kyiv", "LOCATION");
        logIn(EDITOR);
        openArticle(articleId);
        Locator blocks = page.locator("#article-text > .chunk");
        assertTrue(blocks.count() >= 3, "the text is drawn in blocks: " + blocks.count());
        blocks.first().evaluate("b => { b.keptAcrossRedraws = true; }");

        page.evaluate(SCROLL_TO_PHRASE, "Kharkiv");
        dragOver("Kharkiv");
        tag(() -> page.keyboard().press("l"));
        assertEquals(true, blocks.first().evaluate("b => b.keptAcrossRedraws === true"), "the first block was not redrawn");

        // Relabelling Kyiv redraws its block, with the new label.
        Locator kyiv = page.locator("#article-text mark.hl[data-label=LOCATION]").first();
        kyiv.scrollIntoViewIfNeeded();
        kyiv.click();
        put(() -> page.keyboard().press("a"));
        assertThat(blocks.first().locator("mark.hl")).hasAttribute("data-label", "ACTOR");
        assertEquals(false, blocks.first().evaluate("b => b.keptAcrossRedraws === true"), "the first block was redrawn");
        assertCoverage(text, annotations(articleId));
    }

    /**
     * A label key draws the span at once, pending, while the POST is under way; the stored span
     * takes its place; a refused one leaves nothing drawn and says why.
     */
    @Test
    void aNewSpanIsDrawnPendingUntilStoredAndGoesIfRefused() {
        String text = "Officials in Kharkiv said Oleh Syniehubov visited Izium on Monday.";
        long articleId = articleFor(EDITOR, "Pending spans", text);
        logIn(EDITOR);
        openArticle(articleId);

        List<Route> held = new ArrayList<>();
        page.route("**/api/annotations", held::add);
        dragOver("Izium");
        page.keyboard().press("l");
        page.waitForCondition(() -> held.size() == 1);
        Locator pending = page.locator("#article-text mark.hl.pending");
        assertThat(pending).hasText("Izium");
        assertThat(pending).hasAttribute("data-label", "LOCATION");
        page.waitForResponse(r -> r.url().endsWith("/api/annotations"), () -> held.get(0).resume());
        page.unroute("**/api/annotations");
        assertThat(pending).hasCount(0);
        assertThat(page.locator("#article-text mark.hl[data-label=LOCATION]")).hasText("Izium");

        page = SystemChromium.watchedPage(context, "refused", pageErrors, List.of("409 POST /api/annotations"));
        openArticle(articleId);
        page.route("**/api/annotations", route -> route.fulfill(new Route.FulfillOptions().setStatus(409)
                .setContentType("application/json").setBody("{\"error\":\"duplicate\",\"message\":\"Refused on purpose.\"}")));
        dragOver("Kharkiv");
        page.keyboard().press("l");
        assertThat(page.locator("#status")).containsText("Refused on purpose.");
        assertThat(page.locator("#article-text mark.hl.pending")).hasCount(0);
        assertThat(page.locator("#article-text mark.hl")).hasCount(1);
        assertEquals(1, annotations(articleId).size());
    }

    /** The reject box is closed until the reviewer asks for it (hidden used to lose to display:flex). */
    @Test
    void theRejectBoxIsClosedUntilAskedFor() {
        String text = "Shelling hit Kursk overnight.";
        long articleId = data.article(data.project(EDITOR, REVIEWER), "Reject box", text);
        create(EDITOR, articleId, text, "Kursk", "LOCATION");
        logIn(REVIEWER);
        openArticle(articleId);

        page.locator("#article-text mark.hl[data-label=LOCATION]").click();
        assertThat(page.locator(".details-approve")).isVisible();
        assertThat(page.locator(".details-reject")).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject…")).click();
        assertThat(page.locator(".details-reject")).isVisible();
        assertThat(page.locator("textarea.details-reject-comment")).isFocused();
    }

    /** The overview lists the article's spans, filters them, and jumps to one; previous/next lead through the project. */
    @Test
    void theOverviewJumpsToASpanAndNeighboursLeadThroughTheProject() {
        String text = "Officials in Kharkiv said Oleh Syniehubov visited Izium on Monday.";
        long projectId = data.project(EDITOR);
        long before = data.article(projectId, "Overview before", "An earlier article about Kyiv.");
        long articleId = data.article(projectId, "Overview", text);
        long after = data.article(projectId, "Overview after", "A later article about Lviv.");
        create(EDITOR, articleId, text, "Kharkiv", "LOCATION");
        create(EDITOR, articleId, text, "Oleh Syniehubov", "ACTOR");
        create(EDITOR, articleId, text, "Izium", "LOCATION");
        logIn(EDITOR);
        openArticle(articleId);

        assertThat(page.locator("#previous-article")).hasAttribute("href", "/articles/" + before);
        assertThat(page.locator("#next-article")).hasAttribute("href", "/articles/" + after);
        page.locator("#overview summary").click();
        Locator items = page.locator("#overview .overview-item");
        assertThat(items).hasCount(3);
        assertThat(items.first()).containsText("Kharkiv");
        page.locator("#overview select[name=label]").selectOption("LOCATION");
        assertThat(items).hasCount(2);
        items.nth(1).click();
        Object izium = find(annotations(articleId), "Izium").get("id");
        Locator mark = page.locator("#article-text mark.hl[data-annotation-id='" + izium + "']");
        assertThat(mark).isFocused();
        assertThat(mark).hasClass(Pattern.compile("\\bselected\\b"));
        assertThat(page.locator("#details blockquote")).hasText("Izium");

        page.locator("#next-article").click();
        page.waitForURL(base + "articles/" + after);
        waitUntilDrawn();
        assertThat(page.locator("#previous-article")).hasAttribute("href", "/articles/" + articleId);
        assertThat(page.locator("#next-article")).hasCount(0);
    }

    // ---- helpers --------------------------------------------------------------------------------

    long articleFor(String member, String title, String text) {
        return data.article(data.project(member), title, text);
    }

    /** Logs in through the login form (the way every scenario but the first starts). */
    void logIn(String username) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(base.toString());
    }

    void openArticle(long articleId) {
        page.navigate(base + "articles/" + articleId);
        waitUntilDrawn();
    }

    void waitUntilDrawn() {
        page.waitForSelector("#annotator[data-ready=true]");
    }

    /** Selects the phrase the way a person does: press the button at one end, drag, release at the other. */
    void dragOver(String phrase) {
        dragOver(phrase, false);
    }

    void dragOver(String phrase, boolean backwards) {
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) page.evaluate(TEXT_POSITIONS, phrase);
        String from = backwards ? "2" : "1";
        String to = backwards ? "1" : "2";
        page.mouse().move(at.get("x" + from).doubleValue(), at.get("y" + from).doubleValue());
        page.mouse().down();
        page.mouse().move(at.get("x" + to).doubleValue(), at.get("y" + to).doubleValue(), new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        assertEquals(phrase, page.evaluate("() => window.getSelection().toString()"), "the mouse selected the phrase");
    }

    /** Drags from the start to the end of `phrase` (the page may then snap the selection). */
    void drag(String phrase) {
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) page.evaluate(TEXT_POSITIONS, phrase);
        page.mouse().move(at.get("x1").doubleValue(), at.get("y1").doubleValue());
        page.mouse().down();
        page.mouse().move(at.get("x2").doubleValue(), at.get("y2").doubleValue(), new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    /** Runs the action and waits for the PUT it sends to succeed. */
    void put(Runnable action) {
        Response response = page.waitForResponse(
                r -> "PUT".equals(r.request().method()) && r.url().contains("/api/annotations/"), action);
        assertEquals(200, response.status(), response.text());
    }

    /** A reviewer's decision through the API. */
    void decide(Map<String, Object> annotation, String decision, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision, "version", annotation.get("version")));
        if (comment != null) {
            body.put("comment", comment);
        }
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(body)
                .post("/api/annotations/" + annotation.get("id") + "/decision").then().statusCode(200);
    }

    void assertInView(Locator locator) {
        com.microsoft.playwright.options.BoundingBox box = locator.boundingBox();
        double height = ((Number) page.evaluate("() => window.innerHeight")).doubleValue();
        assertTrue(box != null && box.y >= 0 && box.y + box.height <= height,
                "in the window (0.." + height + "): " + (box == null ? "not drawn" : box.y + "+" + box.height));
    }

    /** Runs the action that tags the selection and returns the annotation the server created. */
    Map<String, Object> tag(Runnable action) {
        Response response = page.waitForResponse(
                r -> "POST".equals(r.request().method()) && r.url().endsWith("/api/annotations"), action);
        assertEquals(201, response.status(), response.text());
        Map<String, Object> created = JsonPath.from(response.text()).getMap("$");
        // Drawn at once: the page redraws as soon as the answer is in.
        assertThat(page.locator("#article-text mark.hl[data-annotation-id='" + created.get("id") + "']").first())
                .isVisible();
        return created;
    }

    void assertActorHighlight(String phrase) {
        Locator mark = page.locator("#article-text mark.hl[data-label=ACTOR]");
        assertThat(mark).hasCount(1);
        assertThat(mark).hasText(phrase);
        assertEquals(phrase, mark.evaluate("m => m.textContent"), "the highlight wraps exactly the phrase");
        assertThat(mark).hasCSS("border-bottom-color", ACTOR_COLOR);
    }

    void assertCoverage(String text, List<Map<String, Object>> stored) {
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) page.evaluate(COVERAGE);
        assertEquals(text.length(), drawn.size(), "the page shows the whole text once");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            int codePoint = text.codePointCount(0, i);
            TreeSet<String> ids = new TreeSet<>();
            for (Map<String, Object> a : stored) {
                if ((Integer) a.get("start") <= codePoint && codePoint < (Integer) a.get("end")) {
                    ids.add(String.valueOf(a.get("id")));
                }
            }
            expected.add(String.join(",", ids));
        }
        assertEquals(expected, drawn, "highlight ids per character");
    }

    List<Map<String, Object>> annotations(long articleId) {
        return accounts.as(EDITOR).get("/api/articles/" + articleId + "/annotations").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    void create(String username, long articleId, String text, String quote, String label) {
        accounts.as(username).contentType(ContentType.JSON).body(TestData.span(articleId, text, quote, label, null))
                .post("/api/annotations").then().statusCode(201);
    }

    static Map<String, Object> find(List<Map<String, Object>> annotations, String quote) {
        return annotations.stream().filter(a -> quote.equals(a.get("quote"))).findFirst()
                .orElseThrow(() -> new AssertionError("no annotation of \"" + quote + "\" in " + annotations));
    }

    static int cp(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return text.codePointCount(0, at);
    }
}
