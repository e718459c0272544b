package io.gloss.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.project.ProjectPagesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Admins hand articles out and editors work through them, on the pages, with real sessions and forms. */
@QuarkusTest
class AssignmentPagesTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Test
    void anAdminSpreadsArticlesAndAnEditorWorksThroughThem() {
        accounts.ensure("ap-admin", "admin");
        accounts.ensure("ap-ana", "editor");
        accounts.ensure("ap-ben", "editor");
        long project = data.project("ap-ana", "ap-ben");
        long first = data.article(project, "Ferry timetable", "The ferry to the island runs twice a day in winter.");
        long second = data.article(project, "Library hours", "The library opens at nine on weekdays.");

        String admin = TestAccounts.session("ap-admin");
        String page = given().cookie("gloss-session", admin).get("/projects/" + project + "/assignments").then()
                .statusCode(200).body(containsString("No assignment here yet")).body(containsString("value=\"ap-ana\""))
                .extract().asString();
        // The project asks for two editors per article; both are ticked.
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", ProjectPagesTest.csrf(page)).formParam("name", "Town notes")
                .formParam("annotatorsPerArticle", "2")
                .post("/projects/" + project + "/settings").then().statusCode(303);
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", ProjectPagesTest.csrf(page)).formParam("editors", "ap-ana").formParam("editors", "ap-ben")
                .post("/projects/" + project + "/assignments/spread").then().statusCode(303)
                .header("Location", containsString("4+assignments+made"));
        given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(containsString("0 of 2 done"));

        // Ana's home page: her work and where to go on.
        String ana = TestAccounts.session("ap-ana");
        given().cookie("gloss-session", ana).get("/").then().statusCode(200)
                .body(containsString("<strong>2</strong> to do"))
                .body(containsString("href=\"/articles/" + first + "\">Next article"));
        String article = given().cookie("gloss-session", ana).get("/articles/" + first).then().statusCode(200)
                .body(containsString("Mark done"))
                // The header leads to her other assigned article, by its title.
                .body(containsString("<a href=\"/articles/" + second + "\" id=\"next-assigned\" title=\"Library hours\">"))
                .extract().asString();
        String action = article.replaceAll("(?s).*<form method=\"post\" action=\"(/assignments/\\d+/state)\".*", "$1");
        // "Mark done, next article" freezes her spans here and opens the next one.
        given().cookie("gloss-session", ana).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", ProjectPagesTest.csrf(article)).formParam("state", "DONE").formParam("then", "next")
                .post(action).then().statusCode(303).header("Location", endsWith("/articles/" + second));
        given().cookie("gloss-session", ana).get("/articles/" + first).then().statusCode(200)
                .body(containsString("which froze your spans")).body(not(containsString("id=\"mark-done\"")));
        // The article she is on is the only one left to do: no link to itself, none for an admin without assignments.
        given().cookie("gloss-session", ana).get("/articles/" + second).then().body(not(containsString("id=\"next-assigned\"")));
        given().cookie("gloss-session", admin).get("/articles/" + first).then().body(not(containsString("id=\"next-assigned\"")));
        given().cookie("gloss-session", ana).get("/projects/" + project).then()
                .body(containsString("1 of 2 done · you: <span class=\"state state-DONE\">DONE</span>"));
        given().cookie("gloss-session", ana).get("/projects/" + project + "/assignments").then().statusCode(200)
                .body(not(containsString("ap-ben"))).body(not(containsString("Spread the articles")));

        // The admin reopens it from the list.
        String list = given().cookie("gloss-session", admin).queryParam("state", "DONE")
                .get("/projects/" + project + "/assignments").then().statusCode(200).body(containsString("Reopen")).extract().asString();
        String reopen = list.replaceAll("(?s).*<form method=\"post\" action=\"(/assignments/\\d+/state)\" class=\"inline\">.*", "$1");
        given().cookie("gloss-session", admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", ProjectPagesTest.csrf(list)).formParam("state", "IN_PROGRESS")
                .post(reopen).then().statusCode(303).header("Location", containsString("IN_PROGRESS"));
        given().cookie("gloss-session", ana).get("/articles/" + first).then().body(containsString("id=\"mark-done\""));
        given().cookie("gloss-session", ana).get("/articles/" + second).then()
                .body(containsString("<a href=\"/articles/" + first + "\" id=\"next-assigned\""));
    }
}
