package io.gloss.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit page names records as people know them and filters by every project, record type and action. */
@QuarkusTest
class AuditPageTest {

    @Inject
    TestAccounts accounts;

    private RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void eventsNameTheirRecordsAndEveryActionCanBeChosen() {
        accounts.ensure("ap-admin", "admin");
        accounts.ensure("ap-editor", "editor");
        String name = "Harbour desk " + UUID.randomUUID();
        long project = as("ap-admin").body(Map.of("name", name)).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as("ap-admin").body(Map.of("username", "ap-editor")).post("/api/projects/" + project + "/members").then().statusCode(204);
        as("ap-admin").body(Map.of("key", "SHIP", "name", "Ship", "color", "#3366aa", "shortcut", "s"))
                .post("/api/projects/" + project + "/labels").then().statusCode(201);
        long article = as("ap-admin").body(Map.of("title", "The quay at dawn", "text", "The ferry Aurora left the quay at six."))
                .post("/api/projects/" + project + "/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        long span = as("ap-editor").body(Map.of("articleId", article, "label", "SHIP", "start", 10, "end", 16, "quote", "Aurora"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");

        String admin = TestAccounts.session("ap-admin");
        String html = given().cookie("gloss-session", admin).get("/audit?project=" + project).then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("<a href=\"/projects/" + project + "\">" + name + "</a>"), "the project column names it");
        assertTrue(html.contains("<a href=\"/articles/" + article + "\">The quay at dawn</a>"), html);
        assertTrue(html.contains("<a href=\"/annotations/" + span + "\">“Aurora” as SHIP</a>"), html);
        assertTrue(html.contains(">Ship</a>"), "the label by its name");
        assertTrue(html.contains("<code>username</code>: <ins>ap-editor</ins>"), "the member added");
        assertFalse(html.contains(">project " + project + "<"), "no bare ids");
        for (String action : new String[] {"create", "add_member"}) {
            assertTrue(html.contains("<option value=\"" + action + "\""), action + " is offered");
        }
        assertTrue(html.contains("<option value=\"" + project + "\" selected>" + name + "</option>"), "the project filter");

        String members = given().cookie("gloss-session", admin).get("/audit?project=" + project + "&action=add_member")
                .then().statusCode(200).extract().asString();
        assertTrue(members.contains("data-action=\"add_member\"") && !members.contains("data-action=\"create\""));
        String labels = given().cookie("gloss-session", admin).get("/audit?project=" + project + "&entity=label")
                .then().statusCode(200).extract().asString();
        assertTrue(labels.contains(">Ship</a>") && !labels.contains("The quay at dawn"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertTrue(given().cookie("gloss-session", admin).get("/audit?project=" + project + "&from=" + today + "&to=" + today)
                .asString().contains("“Aurora” as SHIP"), "today's events are within today");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertTrue(given().cookie("gloss-session", admin).get("/audit?project=" + project + "&from=" + tomorrow)
                .asString().contains("No events match these filters"));
        assertTrue(given().cookie("gloss-session", admin).get("/audit?from=yesterday").asString()
                .contains("A date must be written 2025-01-12"));
        assertTrue(given().cookie("gloss-session", admin).get("/audit?project=x").asString()
                .contains("The project must be a number"));

        as("ap-admin").queryParam("project", project).queryParam("action", "add_member").get("/api/audit").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }
}
