package io.gloss.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.project.ProjectPagesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project page's Retire buttons, its "Retired (n)" tab with Restore, and the retired article's banner. */
@QuarkusTest
class ArticleRetirePagesTest {

    static final String ADMIN = "retp-admin";
    static final String EDITOR = "retp-editor";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    long article;

    @BeforeEach
    void fixture() {
        accounts.ensure(ADMIN, "admin", "editor");
        accounts.ensure(EDITOR, "editor");
        project = data.project(EDITOR);
        article = data.article(project, "Doomed headline", "A story nobody needs.");
        data.article(project, "Kept headline", "A story everybody needs.");
    }

    @Test
    void adminsRetireFromTheListAndRestoreFromTheTabOrTheArticle() {
        String admin = TestAccounts.session(ADMIN);
        String editor = TestAccounts.session(EDITOR);
        given().cookie("gloss-session", editor).get("/projects/" + project).then().statusCode(200)
                .body(containsString("Doomed headline")).body(not(containsString("retire-article")))
                .body(not(containsString("Retired (")));
        String page = given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(containsString("action=\"/articles/" + article + "/retire\""))
                .body(containsString("data-confirm=\"Retire “Doomed headline”?")).extract().asString();
        given().cookie("gloss-session", editor).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("_csrf", ProjectPagesTest.csrf(page)).post("/articles/" + article + "/retire").then().statusCode(403);

        String location = ProjectPagesTest.postForm(admin, page, "/articles/" + article + "/retire");
        String said = URLDecoder.decode(location, StandardCharsets.UTF_8);
        assertTrue(said.contains("/projects/" + project + "?said=Retired “Doomed headline”."), said);

        given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(not(containsString("Doomed headline"))).body(containsString("Kept headline"))
                .body(containsString("Retired (1)"));
        String tab = given().cookie("gloss-session", admin).get("/projects/" + project + "?retired=true").then().statusCode(200)
                .body(containsString("Doomed headline")).body(not(containsString("Kept headline")))
                .body(containsString("by " + ADMIN)).body(containsString("action=\"/articles/" + article + "/restore\""))
                .extract().asString();

        // Its page still opens: a banner says what happened, admins get Restore, nobody annotates.
        String articlePage = given().cookie("gloss-session", admin).get("/articles/" + article).then().statusCode(200)
                .body(containsString("id=\"retired-banner\"")).body(containsString("Retired by " + ADMIN + " on "))
                .body(containsString("hidden from lists, queues and new datasets"))
                .body(containsString("id=\"restore-article\"")).body(containsString("This article is retired"))
                .extract().asString();
        given().cookie("gloss-session", editor).get("/articles/" + article).then().statusCode(200)
                .body(containsString("id=\"retired-banner\"")).body(not(containsString("id=\"restore-article\"")));

        location = ProjectPagesTest.postForm(admin, articlePage, "/articles/" + article + "/restore", "then", "article");
        said = URLDecoder.decode(location, StandardCharsets.UTF_8);
        assertTrue(said.contains("/articles/" + article + "?said=Restored “Doomed headline”."), said);
        given().cookie("gloss-session", admin).get("/articles/" + article).then().statusCode(200)
                .body(not(containsString("id=\"retired-banner\"")));

        // Retired again, and restored from the tab: back on the tab, which is empty now.
        ProjectPagesTest.postForm(admin, page, "/articles/" + article + "/retire");
        location = ProjectPagesTest.postForm(admin, tab, "/articles/" + article + "/restore");
        said = URLDecoder.decode(location, StandardCharsets.UTF_8);
        assertTrue(said.contains("/projects/" + project + "?retired=true&said=Restored"), said);
        given().cookie("gloss-session", admin).get("/projects/" + project + "?retired=true").then().statusCode(200)
                .body(containsString("No article is retired."));
        given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(containsString("Doomed headline"));
    }
}
