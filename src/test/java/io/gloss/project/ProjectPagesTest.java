package io.gloss.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages a person uses, driven through their real login session and forms. */
@QuarkusTest
public class ProjectPagesTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;

    @BeforeEach
    void fixture() {
        accounts.ensure("page-admin", "admin", "editor");
        accounts.ensure("page-editor", "editor");
        projectId = data.project("page-editor");
    }


    /** Posts a page's form as the browser would (with the page's CSRF token); the 303's Location. */
    public static String postForm(String session, String html, String path, String... fields) {
        var request = given().cookie("gloss-session", session).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", csrf(html));
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path).then().statusCode(303).extract().header("Location");
    }

    public static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void emptyProjectSaysWhatToDo() {
        String editor = TestAccounts.session("page-editor");
        given().cookie("gloss-session", editor).get("/projects/" + projectId).then().statusCode(200)
                .body(containsString("no articles yet")).body(not(containsString("Import articles")));
    }

    @Test
    void articleListShowsShortenedTitlesAndCountsAndSearches() {
        String longTitle = "Ukraine’s president says two North Korean soldiers were captured alive in the Kursk region during the weekend fighting";
        long a = data.article(projectId, longTitle, "Zelensky spoke in Kyiv.");
        data.article(projectId, "Seoul briefs parliament", "Seoul spoke.");
        accounts.as("page-editor").contentType(ContentType.JSON)
                .body(Map.of("articleId", a, "label", "ACTOR", "start", 0, "end", 8, "quote", "Zelensky"))
                .post("/api/annotations").then().statusCode(201);
        String editor = TestAccounts.session("page-editor");
        String html = given().cookie("gloss-session", editor).get("/projects/" + projectId).then().statusCode(200)
                .body(containsString(longTitle.substring(0, 60))).body(containsString("…"))
                .body(containsString("Seoul briefs parliament")).extract().asString();
        assertTrue(html.contains("<td class=\"num\" data-th=\"Mine\">1</td><td class=\"num\" data-th=\"All\">1</td>"), "mine and all count the annotation");
        given().cookie("gloss-session", editor).get("/projects/" + projectId + "?q=seoul").then().statusCode(200)
                .body(containsString("Seoul briefs")).body(not(containsString("Ukraine’s president")));
        given().cookie("gloss-session", editor).get("/projects/" + projectId + "?q=nothing-like-this").then()
                .body(containsString("No article title contains"));
    }

    @Test
    void adminImportsByPastingAndByUploadingFiles() {
        String admin = TestAccounts.session("page-admin");
        String page = given().cookie("gloss-session", admin).get("/projects/" + projectId).then().statusCode(200)
                .body(containsString("Import articles")).extract().asString();
        String token = csrf(page);
        // Post/Redirect/Get: each import's report has its own page, so a reload never imports again.
        String pasted = given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", token).formParam("title", "Pasted").formParam("text", "Pasted text\r\nwith CRLF.")
                .post("/projects/" + projectId + "/import/text").then().statusCode(303).extract().header("Location");
        assertTrue(pasted.matches(".*/imports/\\d+"), pasted);
        given().cookie("gloss-session", admin).get(pasted).then().statusCode(200)
                .body(containsString("Import of typed text “Pasted”")).body(containsString("1 imported, 0 duplicates, 0 refused"));
        Response upload = given().cookie("gloss-session", admin).redirects().follow(false)
                .multiPart("_csrf", token)
                .multiPart("files", "one.txt", "Headline one\nBody one.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("files", "two.md", "# Headline two\n\nBody two.".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .multiPart("files", "more.jsonl", ("{\"title\":\"Three\",\"text\":\"Body three.\"}\n"
                        + "{\"title\":\"Dup\",\"text\":\"Headline one\\nBody one.\"}\n").getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .post("/projects/" + projectId + "/import/files");
        assertEquals(303, upload.statusCode());
        String said = upload.header("Location");
        assertTrue(said.contains("#import"), said);
        String projectPage = given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then()
                .body(containsString("2 imports: 3 articles imported. Each has its report below."))
                .body(containsString("Headline one")).body(containsString("Headline two")).body(containsString("Three"))
                .body(containsString("2 text files")).extract().asString();
        // The JSONL line repeats one.txt: its own report says so.
        Matcher more = Pattern.compile("<a href=\"(/imports/\\d+)\">more.jsonl</a>").matcher(projectPage);
        assertTrue(more.find(), projectPage);
        given().cookie("gloss-session", admin).get(more.group(1)).then().body(containsString("1 imported, 1 duplicates, 0 refused"));
        // Not UTF-8: refused as a whole, with a sentence.
        given().cookie("gloss-session", admin).multiPart("_csrf", token)
                .multiPart("files", "latin.txt", "Café".getBytes(StandardCharsets.ISO_8859_1), "text/plain")
                .post("/projects/" + projectId + "/import/files").then().statusCode(415)
                .body(containsString("not UTF-8"));
        // Without the token: refused.
        given().cookie("gloss-session", admin).contentType(ContentType.URLENC).formParam("text", "x")
                .post("/projects/" + projectId + "/import/text").then().statusCode(403);
    }

    @Test
    void adminsChangeTheSettingsOnTheSettingsPage() {
        String admin = TestAccounts.session("page-admin");
        given().cookie("gloss-session", admin).get("/projects/" + projectId).then().statusCode(200)
                .body(containsString("/projects/" + projectId + "/settings"));
        String page = given().cookie("gloss-session", admin).get("/projects/" + projectId + "/settings").then()
                .statusCode(200).body(containsString("name=\"annotatorsPerArticle\" value=\"1\""))
                .body(not(containsString(" checked"))).extract().asString();
        String name = given().cookie("gloss-session", admin).get("/api/projects/" + projectId).jsonPath().getString("name");
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", csrf(page)).formParam("name", name).formParam("guidelines", "Tag every claim.")
                .formParam("annotatorsPerArticle", "3").formParam("blind", "true")
                .post("/projects/" + projectId + "/settings").then().statusCode(303)
                .header("Location", containsString("/projects/" + projectId + "/settings?said=Settings+saved."));
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get("/projects/" + projectId + "/settings?said=Settings+saved.")
                .then().body(containsString("<p class=\"report\" role=\"status\" id=\"notice\">Settings saved.</p>"))
                .body(containsString("value=\"3\"")).body(containsString(" checked")).body(containsString("Tag every claim."));
        // The preview renders Markdown as editors will see it, raw HTML as text, and saves nothing.
        given().cookie("gloss-session", admin).contentType(ContentType.URLENC).formParam("_csrf", csrf(page))
                .formParam("guidelines", "**Claims** only <script>x</script>").post("/projects/" + projectId + "/settings/preview")
                .then().statusCode(200).body(containsString("<strong>Claims</strong>"))
                .body(containsString("&lt;script&gt;")).body(not(containsString("<script>")));
        given().cookie("gloss-session", admin).get("/api/projects/" + projectId).then().body("guidelines", equalTo("Tag every claim."));
        // Unticking Blind sends nothing for it: off.
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", csrf(page)).formParam("name", name).formParam("annotatorsPerArticle", "3")
                .post("/projects/" + projectId + "/settings").then().statusCode(303);
        given().cookie("gloss-session", admin).get("/api/projects/" + projectId).then()
                .body("blind", equalTo(false)).body("annotatorsPerArticle", equalTo(3));
        given().cookie("gloss-session", admin).contentType(ContentType.URLENC).formParam("_csrf", csrf(page))
                .formParam("name", name).formParam("annotatorsPerArticle", "12")
                .post("/projects/" + projectId + "/settings").then().statusCode(400)
                .body(containsString("1 to 10 editors"));
        given().cookie("gloss-session", TestAccounts.session("page-editor")).get("/projects/" + projectId + "/settings").then()
                .statusCode(403);
    }

    @Test
    void adminsManageMembersOnTheMembersPage() {
        accounts.ensure("page-newcomer", "editor"); // only existing users can be added
        String admin = TestAccounts.session("page-admin");
        String page = given().cookie("gloss-session", admin).get("/projects/" + projectId + "/members").then()
                .statusCode(200).body(containsString("page-editor")).extract().asString();
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", csrf(page)).formParam("username", "page-newcomer")
                .post("/projects/" + projectId + "/members").then().statusCode(303);
        given().cookie("gloss-session", admin).get("/projects/" + projectId + "/members").then()
                .body(containsString("page-newcomer")).body(containsString("data-member=\"page-newcomer\">page-newcomer\n    <span class=\"hint\">editor</span>"))
                .body(containsString("data-confirm=\"Remove page-newcomer"));
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", csrf(page)).post("/projects/" + projectId + "/members/page-newcomer/remove")
                .then().statusCode(303);
        given().cookie("gloss-session", admin).get("/projects/" + projectId + "/members").then()
                .body(not(containsString("page-newcomer")));
        given().cookie("gloss-session", TestAccounts.session("page-editor")).get("/projects/" + projectId + "/members").then()
                .statusCode(403);
    }

    /** A refused form goes back to its page, which says why; a notice in a link from elsewhere is not shown. */
    @Test
    void anUnknownUsernameIsRefusedOnTheMembersPage() {
        String admin = TestAccounts.session("page-admin");
        String members = "/projects/" + projectId + "/members";
        String page = given().cookie("gloss-session", admin).get(members).asString();
        String back = given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .header("Referer", RestAssured.baseURI + ":" + RestAssured.port + members + "?said=Earlier")
                .formParam("_csrf", csrf(page)).formParam("username", "nobody-of-that-name").post(members)
                .then().statusCode(303).extract().header("Location");
        assertTrue(back.contains(members + "?refused="), back);
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(back).then().statusCode(200)
                .body(containsString("role=\"alert\" id=\"notice\">There is no user nobody-of-that-name: create the account first."))
                .body(not(containsString("Earlier")));
        // The same address opened from another site says nothing.
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).header("Sec-Fetch-Site", "cross-site").get(back)
                .then().statusCode(200).body(not(containsString("nobody-of-that-name")));
        // Without the page it came from (a script, say): the error page, with the status.
        given().cookie("gloss-session", admin).contentType(ContentType.URLENC)
                .formParam("_csrf", csrf(page)).formParam("username", "nobody-of-that-name").post(members)
                .then().statusCode(404).body(containsString("create the account first"));
    }

    @Test
    void editorsCannotImport() {
        String editor = TestAccounts.session("page-editor");
        String token = csrf(given().cookie("gloss-session", editor).get("/").asString());
        given().cookie("gloss-session", editor).contentType(ContentType.URLENC).formParam("_csrf", token)
                .formParam("text", "x").post("/projects/" + projectId + "/import/text").then().statusCode(403)
                .body(containsString("Not allowed"));
    }

    @Test
    void scriptInArticleTextIsInertOnTheAnnotationPage() {
        long a = data.article(projectId, "<script>alert(1)</script> title", "Text with </script><script>alert(2)</script> inside.");
        String editor = TestAccounts.session("page-editor");
        String html = given().cookie("gloss-session", editor).get("/articles/" + a).then().statusCode(200).extract().asString();
        assertTrue(!html.contains("<script>alert"), "no executable script from the article");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("\\u003c/script>\\u003cscript>alert(2)"), "embedded JSON escapes <");
    }

    @Test
    void otherProjectsAreNotFoundForNonMembers() {
        long other = data.project("somebody");
        long article = data.article(other, "Secret", "Secret text");
        String editor = TestAccounts.session("page-editor");
        given().cookie("gloss-session", editor).get("/projects/" + other).then().statusCode(404)
                .body(containsString("does not exist or you have no access"));
        given().cookie("gloss-session", editor).get("/articles/" + article).then().statusCode(404);
        given().cookie("gloss-session", editor).get("/").then().body(not(containsString("/projects/" + other + "\"")));
    }
}
