package io.gloss.relation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Relations on the article page in a real browser: one made with the keyboard (a claim, `r`, j/k
 * to its source, Enter, a digit for the type when two fit) and one with the mouse ("Relate to…",
 * a click on the place); both drawn as arcs, listed under the claim's details, still there after a
 * reload, and drawn on another editor's open page as they are made and deleted.
 */
@QuarkusTest
class RelationPageBrowserTest {

    static final String EDITOR = "relation-browser-editor";
    static final String OTHER = "relation-browser-other";
    static final String ADMIN = "relation-browser-admin";
    static final String TEXT = "In Kharkiv, officials said 300 homes lost power overnight, according to the mayor Ihor Terekhov.";

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
        accounts.ensure(OTHER, "editor");
        accounts.ensure(ADMIN, "admin");
        page = chromium.watchedPage(chromium.newContext(), "page", List.of());
    }

    @Test
    void aRelationMadeByKeyboardAndOneByMouseAreDrawnListedKeptAndSeenByOthers() {
        long project = data.project(EDITOR, OTHER);
        type(project, "ATTRIBUTED_TO", "Attributed to", "ACTOR");
        type(project, "LOCATED_IN", "Located in", "LOCATION");
        type(project, "DENIED_BY", "Denied by", "ACTOR");
        long article = data.article(project, "Power cuts", TEXT);
        long place = span(article, "Kharkiv", "LOCATION");
        long claim = span(article, "300 homes lost power overnight", "CLAIM");
        long mayor = span(article, "Ihor Terekhov", "ACTOR");

        Page other = chromium.watchedPage(chromium.newContext(), "other", List.of());
        SystemChromium.logIn(other, base.toString(), OTHER);
        other.navigate(base + "articles/" + article);
        other.waitForSelector("#annotator[data-ready=true]");
        SystemChromium.logIn(page, base.toString(), EDITOR);
        page.navigate(base + "articles/" + article);
        page.waitForSelector("#annotator[data-ready=true]");

        // Keyboard: from the claim, r aims at the next span it may point to (the mayor); j wraps
        // to the place, k comes back; Enter offers the two types that fit a claim and an actor.
        mark(page, claim).click();
        page.keyboard().press("r");
        assertThat(mark(page, mayor)).hasClass(java.util.regex.Pattern.compile("relate-target"));
        page.keyboard().press("j");
        assertThat(mark(page, place)).hasClass(java.util.regex.Pattern.compile("relate-target"));
        page.keyboard().press("k");
        page.keyboard().press("Enter");
        Locator relations = page.locator("#relations");
        assertThat(relations.locator("button.relation-type")).hasText(new String[] {"Attributed to 1", "Denied by 2"});
        long attributed = created(() -> page.keyboard().press("1"));
        assertThat(arc(page, attributed)).containsText("Attributed to");
        assertThat(arc(page, attributed).locator("title")).hasText("Attributed to: “300 homes lost power overnight” → “Ihor Terekhov”");
        assertThat(relations.locator("li.relation .relation-end")).hasText(new String[] {"→ Attributed to “Ihor Terekhov”"});
        assertThat(relations.locator("li.relation .relation-facts")).hasText(new String[] {" · Submitted · yours"});
        assertThat(arc(other, attributed)).containsText("Attributed to");

        // Mouse: "Relate to…" and a click on the place; only LOCATED_IN fits, so it is made at once.
        relations.locator("button.relate-start").click();
        long located = created(() -> mark(page, place).click());
        assertThat(arc(page, located)).containsText("Located in");
        assertThat(relations.locator("li.relation")).hasCount(2);
        page.locator("#text-frame").screenshot(new Locator.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "relations-arcs.png")));

        // Stored: the API has both, and a reload draws both again.
        JsonPath stored = accounts.as(EDITOR).get("/api/articles/" + article + "/relations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ATTRIBUTED_TO", "LOCATED_IN"), stored.getList("items.type"));
        assertEquals(List.of((int) mayor, (int) place), stored.getList("items.toId"));
        page.reload();
        page.waitForSelector("#annotator[data-ready=true]");
        assertThat(page.locator("#relation-arcs g.arc")).hasCount(2);

        // A click on the other end selects it; its list shows the relation coming in. Deleting it
        // there takes the arc away here and on the other editor's page.
        mark(page, place).click();
        assertThat(relations.locator("li.relation .relation-end")).hasText(new String[] {
                "← Located in from “300 homes lost power overnight”"});
        Response deleted = page.waitForResponse(r -> "DELETE".equals(r.request().method()),
                () -> relations.locator("button.relation-delete").click());
        assertEquals(204, deleted.status());
        assertThat(page.locator("#relation-arcs g.arc")).hasCount(1);
        assertThat(other.locator("#relation-arcs g.arc")).hasCount(1);
        assertThat(arc(other, attributed)).hasCount(1);
    }

    @Test
    void escGivesUpAndASpanNoTypeStartsFromSaysWhy() {
        long project = data.project(EDITOR);
        type(project, "ATTRIBUTED_TO", "Attributed to", "ACTOR");
        long article = data.article(project, "Power cuts", TEXT);
        long claim = span(article, "300 homes lost power overnight", "CLAIM");
        long mayor = span(article, "Ihor Terekhov", "ACTOR");
        SystemChromium.logIn(page, base.toString(), EDITOR);
        page.navigate(base + "articles/" + article);
        page.waitForSelector("#annotator[data-ready=true]");

        mark(page, mayor).click();
        page.keyboard().press("r");
        assertThat(page.locator("#status")).containsText("No relation type starts from spans labelled Actor");
        mark(page, claim).click();
        page.keyboard().press("r");
        assertThat(mark(page, mayor)).hasClass(java.util.regex.Pattern.compile("relate-target"));
        page.keyboard().press("Escape");
        assertThat(page.locator("#status")).hasText("No relation made.");
        assertThat(page.locator("mark.relate-target")).hasCount(0);
        assertThat(page.locator("#relation-arcs g.arc")).hasCount(0);
    }

    /**
     * Every relation is drawn, also far down a long article whose blocks the browser has not laid
     * out yet, each arc starting at the top of its span's first line.
     */
    @Test
    void relationsFarDownALongArticleAreDrawnAtTheirSpans() {
        String filler = "A paragraph that fills the page so that the end of the article is far below the screen.\n\n".repeat(80);
        String text = TEXT + "\n\n" + filler + "Later, officials said 40 homes were still cut off, according to Ihor Terekhov.";
        long project = data.project(EDITOR);
        type(project, "ATTRIBUTED_TO", "Attributed to", "ACTOR");
        long article = data.article(project, "Power cuts, long", text);
        long[] near = {span(article, text, "300 homes lost power overnight", "CLAIM"), span(article, text, "mayor Ihor Terekhov", "ACTOR")};
        long[] far = {span(article, text, "40 homes were still cut off", "CLAIM"), span(article, text, "to Ihor Terekhov.", "ACTOR")};
        long first = relate(near[0], near[1]);
        long last = relate(far[0], far[1]);
        SystemChromium.logIn(page, base.toString(), EDITOR);
        page.navigate(base + "articles/" + article);
        page.waitForSelector("#relation-arcs[data-complete=true]");
        assertThat(page.locator("#relation-arcs g.arc")).hasCount(2);
        for (long[] ends : new long[][] {{first, near[0]}, {last, far[0]}}) {
            // The arc's path starts ("M x,y") at the top middle of its claim's first line, relative to the frame.
            @SuppressWarnings("unchecked")
            List<Number> start = (List<Number>) page.evaluate("([relation, span]) => {"
                    + " const d = document.querySelector(`#relation-arcs g[data-relation-id='${relation}'] path`).getAttribute('d');"
                    + " const [x, y] = d.slice(1).split(' ')[0].split(',').map(Number);"
                    + " const frame = document.getElementById('text-frame').getBoundingClientRect();"
                    + " const line = document.querySelector(`mark.hl[data-annotation-id='${span}']`).getClientRects()[0];"
                    + " return [x - (line.left + line.width / 2 - frame.left), y - (line.top - frame.top)]; }",
                    List.of((int) ends[0], (int) ends[1]));
            assertEquals(0, start.get(0).doubleValue(), 1.0, "arc " + ends[0] + " starts above the middle of its span");
            assertEquals(0, start.get(1).doubleValue(), 1.0, "arc " + ends[0] + " starts at the top of its span's line");
        }
    }

    long relate(long from, long to) {
        return accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("type", "ATTRIBUTED_TO", "fromId", from, "toId", to))
                .post("/api/relations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void type(long project, String key, String name, String to) {
        accounts.as(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", name, "from", List.of("CLAIM"), "to", List.of(to)))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
    }

    long span(long article, String quote, String label) {
        return span(article, TEXT, quote, label);
    }

    long span(long article, String text, String quote, String label) {
        return accounts.as(EDITOR).contentType(ContentType.JSON).body(TestData.span(article, text, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long created(Runnable action) {
        Response response = page.waitForResponse(r -> "POST".equals(r.request().method()) && r.url().endsWith("/api/relations"),
                action);
        assertEquals(201, response.status(), response.text());
        return JsonPath.from(response.text()).getLong("id");
    }

    static Locator mark(Page page, long id) {
        return page.locator("#article-text mark.hl[data-annotation-id='" + id + "']").first();
    }

    static Locator arc(Page page, long id) {
        return page.locator("#relation-arcs g.arc[data-relation-id='" + id + "']");
    }
}
