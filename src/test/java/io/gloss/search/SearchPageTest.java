package io.gloss.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search page as the server renders it: marked snippets (everything else escaped), facet
 * links that add a filter, active filters with a way out, the empty state, a refused query said on
 * the page, and nothing from a project the person is not in.
 */
@QuarkusTest
class SearchPageTest {

    // Written for this test: markup in the text must come out as text.
    static final String TEXT = "Officials in Kyïv said <b>the talks</b> & the convoy resumed; KYIV expects 3,000 observers.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    long article;
    long span;

    @BeforeEach
    void fixture() {
        accounts.ensure("sp-ed1", "editor");
        accounts.ensure("sp-ed2", "editor");
        accounts.ensure("sp-out", "editor");
        project = data.project("sp-ed1", "sp-ed2");
        article = data.article(project, "Convoy to Kyiv", TEXT);
        span = accounts.as("sp-ed2").contentType(ContentType.JSON)
                .body(TestData.span(article, TEXT, "KYIV", "LOCATION", "the capital")).post("/api/annotations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long elsewhere = data.project("sp-out");
        data.article(elsewhere, "Kyiv elsewhere", "Only sp-out may read about Kyiv and the Kursk front here.");
    }

    String page(String user, String query) {
        return given().cookie("gloss-session", TestAccounts.session(user)).get("/search" + query).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void rendersMarkedSnippetsFacetLinksAndLinksToTheHit() {
        String html = page("sp-ed1", "?q=kyiv&project=" + project);
        // Both spellings marked; the markup of the text escaped, never taken as HTML.
        assertContains(html, "Officials in <mark>Kyïv</mark> said &lt;b&gt;the talks&lt;/b&gt; &amp; the convoy resumed; <mark>KYIV</mark>");
        assertContains(html, "href=\"/articles/" + article + "#at-13-17\"");
        assertContains(html, "href=\"/articles/" + article + "#a-" + span + "\"");
        assertContains(html, "<mark>KYIV</mark></p>");
        assertContains(html, "by sp-ed2");
        // A facet entry adds its filter and keeps the others; the project filter can be removed.
        assertContains(html, "href=\"/search?q=kyiv&amp;project=" + project + "&amp;label=LOCATION\">LOCATION</a> <span class=\"count\">1</span>");
        assertContains(html, "href=\"/search?q=kyiv&amp;project=" + project + "&amp;author=sp-ed2\">sp-ed2</a>");
        assertContains(html, "href=\"/search?q=kyiv&amp;project=" + project + "&amp;status=SUBMITTED\">submitted</a>");
        assertContains(html, "aria-label=\"Remove the filter Project: ");
        assertEquals(-1, html.indexOf("Kyiv elsewhere"));

        String filtered = page("sp-ed1", "?q=kyiv&project=" + project + "&label=LOCATION");
        assertContains(filtered, "#a-" + span);
        assertContains(filtered, "<strong aria-current=\"true\">LOCATION</strong>");
        assertContains(filtered, "Label: LOCATION <a href=\"/search?q=kyiv&amp;project=" + project + "\"");
        assertContains(filtered, "<input type=\"hidden\" name=\"label\" value=\"LOCATION\">");
        assertEquals(-1, filtered.indexOf("#at-"), "a label filter keeps annotations only");
    }

    @Test
    void aLongListHasANextPage() {
        for (int i = 0; i <= SearchService.DEFAULT_LIMIT; i++) { // one more than a page holds
            data.article(project, "Ferry timetable " + i, "The ferryboat sails at " + i + " past the hour.");
        }
        String first = page("sp-ed1", "?q=ferryboat&project=" + project);
        assertEquals(SearchService.DEFAULT_LIMIT, first.split("class=\"search-hit\"", -1).length - 1);
        Matcher next = Pattern.compile("href=\"(/search\\?[^\"]+)\" rel=\"next\"").matcher(first);
        assertTrue(next.find(), "a Next page link");
        String second = given().cookie("gloss-session", TestAccounts.session("sp-ed1"))
                .urlEncodingEnabled(false).get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        assertEquals(1, second.split("class=\"search-hit\"", -1).length - 1);
        assertEquals(-1, second.indexOf("rel=\"next\""));
    }

    @Test
    void anEmptySearchSaysHowToSearchAndAMissSaysWhatToTry() {
        String before = page("sp-ed1", "");
        assertContains(before, "id=\"search-hints\"");
        assertContains(before, "<option value=\"" + project + "\">");

        String miss = page("sp-ed1", "?q=zzyzzx");
        assertContains(miss, "No article or annotation matches “zzyzzx”.");
        assertContains(miss, "<code>\"talks resumed\"</code>");
        assertContains(miss, "<code>pyong*</code>");
    }

    @Test
    void aRefusedQueryIsSaidOnThePage() {
        String html = page("sp-ed1", "?q=kyiv&status=NOPE");
        assertContains(html, "id=\"search-error\"");
        assertContains(html, "status must be one of");
        assertContains(html, "value=\"kyiv\"");
        assertEquals(-1, html.indexOf("<mark>"));

        String labelAndArticles = page("sp-ed1", "?q=kyiv&kind=article&label=LOCATION");
        assertContains(labelAndArticles, "label, status, author and entity filter annotations");
    }

    @Test
    void nobodySeesAnotherProjectsHits() {
        String outsider = page("sp-out", "?q=kyiv");
        assertContains(outsider, "Kyiv elsewhere");
        assertEquals(-1, outsider.indexOf("Convoy to Kyiv"));
        assertEquals(-1, outsider.indexOf("/articles/" + article));

        String named = page("sp-out", "?q=kyiv&project=" + project);
        assertContains(named, "id=\"search-error\"");
        assertEquals(-1, named.indexOf("Convoy to Kyiv"));
        assertEquals(-1, named.indexOf("<mark>"));

        assertEquals(-1, page("sp-ed1", "?q=kursk").indexOf("Kyiv elsewhere"));
    }

    @Test
    void everyPageHasTheBoxAndAProjectsPagesChooseTheirProject() {
        String session = TestAccounts.session("sp-ed1");
        given().cookie("gloss-session", session).get("/").then().statusCode(200)
                .body(containsString("id=\"header-search\"")).body(not(containsString("class=\"search-in\"")));
        given().cookie("gloss-session", session).get("/projects/" + project).then().statusCode(200)
                .body(containsString("<option value=\"" + project + "\" selected>in "));
        given().cookie("gloss-session", session).get("/articles/" + article).then().statusCode(200)
                .body(containsString("<option value=\"" + project + "\" selected>in "));
        given().redirects().follow(false).get("/search?q=kyiv").then().header("Location", containsString("/login"));
    }

    static void assertContains(String html, String part) {
        if (!html.contains(part)) {
            throw new AssertionError("Expected the page to contain " + part + "\n--- page ---\n" + html);
        }
    }
}
