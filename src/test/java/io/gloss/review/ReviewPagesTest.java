package io.gloss.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reviewer-facing pages (review queue, my work, audit, an annotation's page) through a real
 * login session, as ProjectPagesTest does: who may open them, what they show, and what they say
 * when there is nothing to show.
 */
@QuarkusTest
class ReviewPagesTest {

    static final String EDITOR = "rp-editor";
    static final String OTHER_EDITOR = "rp-editor-2";
    static final String REVIEWER = "rp-reviewer";
    static final String ADMIN = "rp-admin";
    static final String TEXT = "Officials said <b>Zelensky</b> visited Kyiv on Tuesday. Then he left for Kharkiv by train.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(OTHER_EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(ADMIN, "admin", "reviewer", "editor");
        projectId = data.project(EDITOR, OTHER_EDITOR, REVIEWER);
        articleId = data.article(projectId, "Visit to Kyiv " + projectId, TEXT);
    }


    static String get(String session, String path, int status) {
        return given().cookie("gloss-session", session).redirects().follow(false).get(path).then().statusCode(status)
                .extract().asString();
    }

    long annotate(String user, String quote, String label, String note) {
        return accounts.as(user).contentType(ContentType.JSON).body(TestData.span(articleId, TEXT, quote, label, note)).post("/api/annotations").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    void decide(String reviewer, long id, String decision, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (comment != null) {
            body.put("comment", comment);
        }
        accounts.as(reviewer).contentType(ContentType.JSON).body(body).post("/api/annotations/" + id + "/decision")
                .then().statusCode(200);
    }

    // ---- who may open what ---------------------------------------------------------------------

    @Test
    void eachPageOpensForItsRoleAndIsForbiddenToOthers() {
        String editor = TestAccounts.session(EDITOR);
        String reviewer = TestAccounts.session(REVIEWER);
        String admin = TestAccounts.session(ADMIN);

        assertTrue(get(reviewer, "/review", 200).contains("Review queue"));
        assertTrue(get(editor, "/review", 403).contains("Not allowed"));
        assertTrue(get(editor, "/my-work", 200).contains("My work"));
        assertTrue(get(reviewer, "/my-work", 403).contains("Not allowed"));
        assertTrue(get(admin, "/audit", 200).contains("Audit trail"));
        get(editor, "/audit", 403);
        get(reviewer, "/audit", 403);
        // Anonymous visitors are sent to the login page.
        given().redirects().follow(false).get("/review").then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).get("/my-work").then().statusCode(303);
        given().redirects().follow(false).get("/audit").then().statusCode(303);
    }

    @Test
    void navigationLinksFollowTheRoles() {
        String editorHome = get(TestAccounts.session(EDITOR), "/", 200);
        assertTrue(editorHome.contains("href=\"/my-work\""));
        assertFalse(editorHome.contains("href=\"/review\""));
        assertFalse(editorHome.contains("href=\"/audit\""));
        String reviewerHome = get(TestAccounts.session(REVIEWER), "/", 200);
        assertTrue(reviewerHome.contains("href=\"/review\""));
        assertFalse(reviewerHome.contains("href=\"/my-work\""));
        assertFalse(reviewerHome.contains("href=\"/audit\""));
        String adminHome = get(TestAccounts.session(ADMIN), "/", 200);
        assertTrue(adminHome.contains("href=\"/review\"") && adminHome.contains("href=\"/my-work\"")
                && adminHome.contains("href=\"/audit\""));
    }

    // ---- the review queue ----------------------------------------------------------------------

    @Test
    void anArticleOpenedFromTheQueueLeadsBackToTheQueueWithItsFilters() {
        String reviewer = TestAccounts.session(REVIEWER);
        String fromQueue = given().cookie("gloss-session", reviewer)
                .header("Referer", "http://localhost/review?project=" + projectId + "&label=ACTOR")
                .get("/articles/" + articleId).then().statusCode(200).extract().asString();
        assertTrue(fromQueue.contains("<a href=\"/review?project=" + projectId + "&amp;label=ACTOR\" id=\"back-to-queue\">"),
                fromQueue);
        // From anywhere else (or nowhere) there is no such link.
        String fromProject = given().cookie("gloss-session", reviewer).header("Referer", "http://localhost/projects/" + projectId)
                .get("/articles/" + articleId).then().statusCode(200).extract().asString();
        assertFalse(fromProject.contains("back-to-queue"));
        assertFalse(get(reviewer, "/articles/" + articleId, 200).contains("back-to-queue"));
    }

    @Test
    void emptyQueueSaysSo() {
        String html = get(TestAccounts.session(REVIEWER), "/review?project=" + projectId, 200);
        assertTrue(html.contains("Nothing waiting for review"), html);
        assertFalse(html.contains("id=\"queue\""));
        assertTrue(get(TestAccounts.session(REVIEWER), "/review?project=" + projectId + "&status=APPROVED", 200)
                .contains("No approved annotations match these filters"));
    }

    @Test
    void queueRowsShowTheSpanInContextEscapedWithLabelAuthorNoteAndArticleLink() {
        long id = annotate(EDITOR, "<b>Zelensky</b>", "ACTOR", "Name & title <i>");
        String html = get(TestAccounts.session(REVIEWER), "/review?project=" + projectId, 200);
        assertTrue(html.contains("<span class=\"context\">Officials said </span><mark class=\"hl\" style=\"--label-color: #2e86ab\">"
                + "&lt;b&gt;Zelensky&lt;/b&gt;</mark><span class=\"context\"> visited Kyiv on Tuesday.</span>"), html);
        assertFalse(html.contains("<b>Zelensky"), "article text is escaped");
        assertTrue(html.contains("Name &amp; title &lt;i&gt;"), "the note, escaped");
        assertTrue(html.contains(">Actor</span>"), "the label's name in a chip");
        assertTrue(html.contains("<td class=\"author\" data-th=\"Author\">" + EDITOR));
        assertTrue(html.contains("href=\"/articles/" + articleId + "#a-" + id + "\""));
        assertTrue(html.contains("data-id=\"" + id + "\" data-version=\"0\""));
        assertTrue(Pattern.compile("just now|min ago").matcher(html).find(), "the age");
        assertTrue(html.contains("Approve selected") && html.contains("Reject selected"));
        // Counts per status, each a link that switches the status filter and keeps the others.
        assertTrue(html.contains("href=\"/review?project=" + projectId + "&amp;status=APPROVED\""), html);
        assertTrue(Pattern.compile("data-status=\"SUBMITTED\" aria-current=\"page\">Submitted <span class=\"count\">1</span>")
                .matcher(html).find(), html);
        // The page script's data is JSON with "<" escaped.
        Matcher script = Pattern.compile("<script type=\"application/json\" id=\"gloss-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(script.find());
        assertTrue(script.group(1).contains("\"canDecide\":true"), script.group(1));
        assertFalse(script.group(1).contains("<"));
        // The label set of each project on the page, for the label chooser (e).
        assertTrue(script.group(1).contains("\"labels\":{\"" + projectId + "\":[{\"key\":\"CLAIM\""), script.group(1));
        assertTrue(script.group(1).contains("\"key\":\"LOCATION\",\"name\":\"Location\",\"color\":\"#3bb273\",\"shortcut\":\"l\""));
        assertTrue(html.contains("data-project=\"" + projectId + "\""));
        assertTrue(html.contains("<span class=\"chip\" data-label=\"ACTOR\""), "the chip carries its label key");
    }

    @Test
    void queueIsOldestFirstAndPagesWithACursor() {
        long first = annotate(EDITOR, "Zelensky", "ACTOR", null);
        long second = annotate(EDITOR, "Kyiv", "LOCATION", null);
        long third = annotate(OTHER_EDITOR, "Kharkiv", "LOCATION", null);
        String reviewer = TestAccounts.session(REVIEWER);
        String page1 = get(reviewer, "/review?project=" + projectId + "&limit=2", 200);
        assertTrue(page1.indexOf("id=\"row-" + first + "\"") < page1.indexOf("id=\"row-" + second + "\""));
        assertFalse(page1.contains("id=\"row-" + third + "\""));
        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\">Next →").matcher(page1);
        assertTrue(next.find(), page1);
        String page2 = get(reviewer, next.group(1).replace("&amp;", "&"), 200);
        assertTrue(page2.contains("id=\"row-" + third + "\""));
        assertFalse(page2.contains("id=\"row-" + first + "\""));
        assertFalse(page2.contains("id=\"next-page\""));
        // Filters: author, label.
        String byAuthor = get(reviewer, "/review?project=" + projectId + "&author=" + OTHER_EDITOR, 200);
        assertTrue(byAuthor.contains("id=\"row-" + third + "\"") && !byAuthor.contains("id=\"row-" + first + "\""));
        String byLabel = get(reviewer, "/review?project=" + projectId + "&label=actor", 200);
        assertTrue(byLabel.contains("id=\"row-" + first + "\"") && !byLabel.contains("id=\"row-" + second + "\""));
        String byArticle = get(reviewer, "/review?article=" + articleId, 200);
        assertTrue(byArticle.contains("id=\"row-" + first + "\""));
    }

    /** What review.ts needs to follow the queue live: where each project's stream starts, and the filters. */
    @Test
    void queueDataGivesTheCursorOfEachProjectItFollowsAndTheFilters() {
        annotate(EDITOR, "Zelensky", "ACTOR", null);
        annotate(EDITOR, "Kyiv", "LOCATION", null);
        List<String> cursors = accounts.as(REVIEWER).get("/api/projects/" + projectId + "/changes?after=0").then()
                .statusCode(200).extract().jsonPath().getList("items.cursor");
        String latest = cursors.get(cursors.size() - 1);
        String reviewer = TestAccounts.session(REVIEWER);

        String json = pageData(get(reviewer, "/review?project=" + projectId + "&label=actor&limit=1", 200));
        assertTrue(json.contains("\"cursors\":{\"" + projectId + "\":\"" + latest + "\"}"), json);
        assertTrue(json.contains("\"filter\":{\"project\":" + projectId + ",\"label\":\"ACTOR\",\"article\":null,"
                + "\"author\":null}"), json);
        assertTrue(json.contains("\"more\":false"), json);
        assertTrue(pageData(get(reviewer, "/review?project=" + projectId + "&limit=1", 200)).contains("\"more\":true"));

        // A queue over more projects than the page opens streams for follows none of them.
        for (int i = 0; i < 3; i++) {
            data.project(REVIEWER);
        }
        assertTrue(pageData(get(reviewer, "/review", 200)).contains("\"cursors\":null"));
        assertTrue(pageData(get(reviewer, "/review?project=" + projectId, 200)).contains("\"cursors\":{\"" + projectId + "\":"));
        // Nothing to follow in a project the reviewer cannot see, nor with a filter that is not understood.
        long elsewhere = data.project(OTHER_EDITOR);
        assertTrue(pageData(get(reviewer, "/review?project=" + elsewhere, 200)).contains("\"cursors\":{}"));
        assertTrue(pageData(get(reviewer, "/review?project=" + projectId + "&article=abc", 200)).contains("\"cursors\":{}"));
    }

    static String pageData(String html) {
        Matcher script = Pattern.compile("<script type=\"application/json\" id=\"gloss-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(script.find(), html);
        return script.group(1);
    }

    @Test
    void decidedListsShowTheDecisionAndOfferNoButtons() {
        long id = annotate(EDITOR, "Kyiv", "LOCATION", null);
        decide(REVIEWER, id, "REJECT", "Too vague");
        String html = get(TestAccounts.session(REVIEWER), "/review?project=" + projectId + "&status=REJECTED", 200);
        assertTrue(html.contains("id=\"row-" + id + "\""));
        assertTrue(html.contains(REVIEWER + ": “Too vague”"), html);
        assertFalse(html.contains("Approve selected"));
        assertTrue(html.contains("\"canDecide\":false"));
    }

    /** The label filter offers the project's labels; the article filter takes words of a title and offers the titles. */
    @Test
    void filtersArePickersLabelsByNameAndArticlesByTitle() {
        long kyiv = annotate(EDITOR, "Kyiv", "LOCATION", null);
        long other = data.article(projectId, "Visit to Kharkiv " + projectId, "Another text about Kharkiv.");
        String reviewer = TestAccounts.session(REVIEWER);
        String html = get(reviewer, "/review?project=" + projectId + "&label=location", 200);
        assertTrue(html.contains("<option value=\"LOCATION\" selected>"), html);
        assertTrue(html.contains("<option value=\"ACTOR\">"), html);
        assertTrue(html.contains("<option value=\"Visit to Kyiv " + projectId + "\">"), "the article box offers titles");
        // Words of one title pick that article.
        String one = get(reviewer, "/review?project=" + projectId + "&article=to kyiv", 200);
        assertTrue(one.contains("id=\"row-" + kyiv + "\""), one);
        // Words of several: a sentence, and the matches to pick from.
        String several = get(reviewer, "/review?project=" + projectId + "&article=visit to", 200);
        assertTrue(several.contains("“visit to” is in the titles of 2 articles: pick one."), several);
        assertTrue(several.contains("article=" + other + "&amp;status=SUBMITTED\">Visit to Kharkiv"), several);
        assertFalse(several.contains("id=\"row-" + kyiv + "\""));
    }

    @Test
    void mistypedFiltersAreSentencesOnThePage() {
        String reviewer = TestAccounts.session(REVIEWER);
        String html = get(reviewer, "/review?article=abc&project=" + projectId, 200);
        assertTrue(html.contains("No article title contains “abc”."), html);
        assertTrue(html.contains("value=\"abc\""), "the form shows what was typed");
        get(reviewer, "/review?status=LOST", 400);
        assertTrue(get(reviewer, "/review?after=garbage", 400).contains("cursor"));
    }

    @Test
    void reviewersSeeOnlyTheirProjectsInTheQueue() {
        long other = data.project(OTHER_EDITOR);
        long otherArticle = data.article(other, "Elsewhere", "Secret text about Odesa.");
        long hidden = accounts.as(OTHER_EDITOR).contentType(ContentType.JSON)
                .body(Map.of("articleId", otherArticle, "label", "LOCATION", "start", 18, "end", 23, "quote", "Odesa"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        String html = get(TestAccounts.session(REVIEWER), "/review", 200);
        assertFalse(html.contains("id=\"row-" + hidden + "\""));
        assertFalse(html.contains("<option value=\"" + other + "\""), "no project select entry");
        assertTrue(html.contains("<option value=\"" + projectId + "\""));
    }

    // ---- my work --------------------------------------------------------------------------------

    @Test
    void myWorkListsRejectedFirstThenSubmittedThenApprovedWithReviewerAndComment() {
        long approved = annotate(EDITOR, "Zelensky", "ACTOR", null);
        long rejected = annotate(EDITOR, "Kyiv", "LOCATION", null);
        long submitted = annotate(EDITOR, "Kharkiv", "LOCATION", "check the region");
        annotate(OTHER_EDITOR, "Tuesday", "CLAIM", null);
        decide(REVIEWER, approved, "APPROVE", null);
        decide(REVIEWER, rejected, "REJECT", "The city is not the actor's location");

        String html = get(TestAccounts.session(EDITOR), "/my-work", 200);
        int r = html.indexOf("data-id=\"" + rejected + "\"");
        int s = html.indexOf("data-id=\"" + submitted + "\"");
        int a = html.indexOf("data-id=\"" + approved + "\"");
        assertTrue(r > 0 && s > r && a > s, "rejected, then submitted, then approved: " + r + " " + s + " " + a);
        assertTrue(html.contains("The city is not the actor&#39;s location") || html.contains("The city is not the actor's location"), html);
        assertTrue(html.contains(">" + REVIEWER + "</td>"));
        assertTrue(html.contains("href=\"/articles/" + articleId + "#a-" + rejected + "\""));
        assertTrue(html.contains("check the region"));
        assertFalse(html.contains(">Tuesday</mark>"), "only the user's own annotations");
        assertTrue(html.contains("data-id=\"" + rejected + "\" data-status=\"REJECTED\""), "the row carries its status");
    }

    @Test
    void myWorkWithoutAnnotationsSaysWhatToDo() {
        accounts.ensure("rp-newcomer", "editor");
        String html = get(TestAccounts.session("rp-newcomer"), "/my-work", 200);
        assertTrue(html.contains("You have no annotations yet"), html);
    }

    // ---- audit and an annotation's page --------------------------------------------------------

    @Test
    void auditPageListsEventsNewestFirstWithFiltersAndPages() {
        long id = annotate(EDITOR, "Kyiv", "LOCATION", null);
        decide(REVIEWER, id, "APPROVE", null);
        String admin = TestAccounts.session(ADMIN);
        String html = get(admin, "/audit?entity=annotation&id=" + id, 200);
        int approve = html.indexOf("data-action=\"approve\"");
        int create = html.indexOf("data-action=\"create\"");
        assertTrue(approve > 0 && create > approve, "newest first");
        assertTrue(html.contains("href=\"/annotations/" + id + "\""));
        assertTrue(html.contains("<code>status</code>: <del>SUBMITTED</del> → <ins>APPROVED</ins>"), html);
        assertTrue(html.contains(">" + REVIEWER + "</td>"));

        String onePerPage = get(admin, "/audit?entity=annotation&id=" + id + "&limit=1", 200);
        assertTrue(onePerPage.contains("data-action=\"approve\"") && !onePerPage.contains("data-action=\"create\""));
        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(onePerPage);
        assertTrue(next.find());
        assertTrue(get(admin, next.group(1).replace("&amp;", "&"), 200).contains("data-action=\"create\""));

        assertTrue(get(admin, "/audit?user=" + REVIEWER + "&action=approve&entity=annotation&id=" + id, 200)
                .contains("data-action=\"approve\""));
        assertTrue(get(admin, "/audit?id=x", 200).contains("The record id must be a number"));
        assertTrue(get(admin, "/audit?user=nobody-at-all", 200).contains("No events match these filters"));
    }

    @Test
    void annotationPageShowsContextHistoryAndForAdminsTheAuditEvents() {
        long id = annotate(EDITOR, "Kyiv", "LOCATION", null);
        decide(REVIEWER, id, "REJECT", "Wrong place");
        String editorView = get(TestAccounts.session(EDITOR), "/annotations/" + id, 200);
        assertTrue(editorView.contains("<mark class=\"hl\" style=\"--label-color: #3bb273\">Kyiv</mark>"
                + "<span class=\"context\"> on Tuesday.</span>"), editorView);
        assertTrue(editorView.contains("SUBMITTED → REJECTED"));
        assertTrue(editorView.contains("Wrong place"));
        assertFalse(editorView.contains("Audit events"), "the audit trail is for admins");

        String adminView = get(TestAccounts.session(ADMIN), "/annotations/" + id, 200);
        assertTrue(adminView.contains("Audit events"));
        assertTrue(adminView.contains("data-action=\"reject\"") && adminView.contains("data-action=\"create\""));

        accounts.ensure("rp-outsider", "editor");
        get(TestAccounts.session("rp-outsider"), "/annotations/" + id, 404);
    }

    @Test
    void deletedAnnotationsKeepTheirPageForAdminsOnly() {
        long id = annotate(EDITOR, "Tuesday", "CLAIM", null);
        accounts.as(EDITOR).delete("/api/annotations/" + id).then().statusCode(204);
        get(TestAccounts.session(EDITOR), "/annotations/" + id, 404);
        String admin = get(TestAccounts.session(ADMIN), "/annotations/" + id, 200);
        assertTrue(admin.contains("Deleted"));
        assertTrue(admin.contains("data-action=\"delete\""));
    }

    @Test
    void articlePageListsTheReviewShortcutsForReviewers() {
        assertTrue(get(TestAccounts.session(REVIEWER), "/articles/" + articleId, 200).contains("Approve the selected annotation"));
        assertFalse(get(TestAccounts.session(EDITOR), "/articles/" + articleId, 200).contains("Approve the selected annotation"));
    }
}
