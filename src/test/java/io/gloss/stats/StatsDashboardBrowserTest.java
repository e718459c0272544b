package io.gloss.stats;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statistics page as people read it: a reviewer sees the charts drawn (a screenshot is kept)
 * and every person's row, sorts a table by a column; an editor sees the totals and their own row.
 */
@QuarkusTest
class StatsDashboardBrowserTest {

    static final String ED1 = "dash-editor-one";
    static final String ED2 = "dash-editor-two";
    static final String REVIEWER = "dash-reviewer";
    // Written for this test.
    static final String TEXT = "Engineers in Odesa restored water to 40,000 homes, the regional governor Oleh Kiper said on Monday.";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;

    @BeforeEach
    void desk() {
        accounts.ensure(ED1, "editor");
        accounts.ensure(ED2, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        project = data.project(ED1, ED2, REVIEWER);
        long article = data.article(project, "Water back in Odesa", TEXT);
        long odesa = span(ED1, article, "Odesa", "LOCATION");
        span(ED1, article, "Oleh Kiper", "ACTOR");
        span(ED1, article, "restored water to 40,000 homes", "CLAIM");
        long kiper = span(ED2, article, "Oleh Kiper", "ACTOR");
        decide(odesa, "APPROVE");
        decide(kiper, "REJECT");
        accounts.ensure("dash-admin", "admin");
        accounts.assignDone("dash-admin", project, article, ED1);
        accounts.assignDone("dash-admin", project, article, ED2);
    }

    long span(String editor, long article, String quote, String label) {
        return accounts.as(editor).contentType(ContentType.JSON).body(TestData.span(article, TEXT, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void decide(long id, String decision) {
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", decision, "comment", "checked"))
                .post("/api/annotations/" + id + "/decision").then().statusCode(200);
    }

    @Test
    void theReviewerSeesTheChartsAndEveryoneAndSortsByAColumn() {
        Page page = chromium.watchedPage(chromium.newContext(), "page", List.of());
        SystemChromium.logIn(page, base.toString(), REVIEWER);
        page.navigate(base + "projects/" + project);
        page.locator("#stats-link").click();
        assertThat(page.locator("h1")).hasText("Statistics");

        int buckets = accounts.as(REVIEWER).get("/api/projects/" + project + "/stats").then().statusCode(200).extract()
                .jsonPath().getList("series").size();
        Locator created = page.locator("#stats-throughput polyline.series-created");
        assertEquals(buckets, created.getAttribute("points").split(" ").length, "a point per bucket");
        BoundingBox line = created.boundingBox();
        assertTrue(line.width > 200 && line.height > 20, "the line is drawn across the chart and rises: " + line.width + "×" + line.height);
        assertThat(page.locator("#stats-throughput .legend-row")).containsText("Created 4");
        assertThat(page.locator("#stats-throughput .legend-row")).containsText("Approved 1");
        assertThat(page.locator("#stats-progress .legend-row")).containsText("In review 2");
        assertThat(page.locator("#stats-labels tr")).hasCount(3);
        assertThat(page.locator("#stats-labels tr").first()).containsText("Actor");
        Locator today = page.locator("#stats-agreement circle.dot-agreement");
        assertThat(today).hasCount(1);
        assertTrue(today.isVisible(), "today's agreement is drawn");
        assertTrue(today.locator("title").textContent().endsWith("over 1 article"), today.locator("title").textContent());
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Paths.get("target", "screenshots", "stats-dashboard.png")));

        Locator editors = page.locator("#stats-editors tbody tr");
        assertThat(editors).hasCount(2);
        page.locator("#stats-editors th", new Page.LocatorOptions().setHasText("Rejection rate")).locator("button").click();
        assertThat(editors.first()).containsText(ED2);
        assertThat(editors.first()).containsText("100.0%");
        assertThat(page.locator("#stats-editors th", new Page.LocatorOptions().setHasText("Rejection rate")))
                .hasAttribute("aria-sort", "descending");
        page.locator("#stats-editors th", new Page.LocatorOptions().setHasText("Editor")).locator("button").click();
        assertThat(editors.first()).containsText(ED1);
        assertThat(page.locator("#stats-reviewers tbody tr")).hasCount(1);
        assertThat(page.locator("#stats-reviewers tbody tr")).containsText(REVIEWER);
    }

    @Test
    void anEditorSeesTheTotalsAndTheirOwnRowAndABadDateIsSaid() {
        String editor = TestAccounts.session(ED2);
        String html = given().cookie("gloss-session", editor).get("/projects/" + project + "/stats").then().statusCode(200)
                .body(containsString("You see the totals and your own figures")).body(not(containsString("stats-reviewers")))
                .body(not(containsString("stats-agreement")))
                .body(containsString("Created 4")).extract().asString();
        assertTrue(html.contains(ED2) && !html.contains(ED1), "only their own row");
        given().cookie("gloss-session", editor).get("/projects/" + project + "/stats?from=yesterday").then().statusCode(400)
                .body(containsString("from"));
        accounts.ensure("dash-outsider", "editor");
        given().cookie("gloss-session", TestAccounts.session("dash-outsider")).get("/projects/" + project + "/stats").then()
                .statusCode(404);
    }
}
