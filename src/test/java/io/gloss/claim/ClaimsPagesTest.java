package io.gloss.claim;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The claims board page: subjects whose figures disagree flagged and first, rows linking to the spans, an empty state that says what to do. */
@QuarkusTest
class ClaimsPagesTest {

    static final String EDITOR = "claims-page-editor";
    static final String ADMIN = "claims-page-admin";
    static final String OUTSIDER = "claims-page-outsider";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    String page(String user, long project, String query) {
        return given().cookie("gloss-session", TestAccounts.session(user)).get("/projects/" + project + "/claims" + query)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void theBoardFlagsDisagreeingFiguresAndLinksEachClaimToItsSpan() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(OUTSIDER, "editor", "reviewer");
        ClaimsCorpus corpus = new ClaimsCorpus(data, accounts, ADMIN, EDITOR).tagged();
        String html = page(EDITOR, corpus.project, "");
        int troops = html.indexOf("id=\"subject-" + corpus.troops + "\"");
        int zelensky = html.indexOf("id=\"subject-" + corpus.zelensky + "\"");
        assertTrue(troops > 0 && zelensky > troops, "the disagreeing subject first");
        assertTrue(html.indexOf("Figures disagree") > troops && html.indexOf("Figures disagree") < zelensky,
                "flagged on the subject whose figures disagree, and only there");
        assertEquals(1, html.split("Figures disagree", -1).length - 1, "one flag");
        assertTrue(html.contains("href=\"/articles/" + corpus.articles.get(1) + "#a-" + corpus.nearly3000 + "\""), "a row links to its span");
        assertTrue(html.contains("<strong>3000</strong>, <strong>200</strong>, <strong>300</strong>"), "the figures");
        assertTrue(html.contains("NK News") && html.contains("2025-01-11") && html.contains("A senior Ukrainian military official"));
        assertTrue(html.contains("data-th=\"Attributed to\">Volodymyr Zelensky<"), "attributed to the entity by name");

        String approved = page(EDITOR, corpus.project, "?status=APPROVED");
        assertTrue(approved.contains("id=\"no-claims\"") && approved.contains("option value=\"APPROVED\" selected"), approved);
        String project = given().cookie("gloss-session", TestAccounts.session(EDITOR)).get("/projects/" + corpus.project)
                .then().statusCode(200).extract().asString();
        assertTrue(project.contains("href=\"/projects/" + corpus.project + "/claims\""), "linked from the project page");
        given().cookie("gloss-session", TestAccounts.session(OUTSIDER)).get("/projects/" + corpus.project + "/claims")
                .then().statusCode(404);
    }

    @Test
    void anEmptyBoardSaysHowToPutClaimsOnIt() {
        accounts.ensure(EDITOR, "editor");
        long project = data.project(EDITOR);
        String html = page(EDITOR, project, "");
        assertTrue(html.contains("id=\"no-claims\"") && html.contains("ATTRIBUTED_TO") && html.contains("CLAIM"), html);
        assertTrue(html.contains("href=\"/projects/" + project + "/entities\""), "it leads to the entities");
    }
}
