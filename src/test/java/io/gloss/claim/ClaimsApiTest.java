package io.gloss.claim;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims board on the shared corpus: the casualty figures the three reports give the North
 * Korean troops disagree, and the board says so first, with each figure's source; Zelensky's claims
 * (two captured, 3,000 casualties) are of different units and agree.
 */
@QuarkusTest
class ClaimsApiTest {

    static final String EDITOR = "claims-editor";
    static final String EDITOR2 = "claims-editor2";
    static final String REVIEWER = "claims-reviewer";
    static final String ADMIN = "claims-admin";
    static final String OUTSIDER = "claims-outsider";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    ClaimsCorpus corpus;

    @BeforeEach
    void fixture() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(EDITOR2, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(OUTSIDER, "editor", "reviewer");
        corpus = new ClaimsCorpus(data, accounts, ADMIN, EDITOR, EDITOR2, REVIEWER).tagged();
    }

    JsonPath board(String user, Map<String, ?> query) {
        return accounts.as(user).queryParams(query).get("/api/projects/" + corpus.project + "/claims")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDisagreeingCasualtyFiguresComeFirstWithTheirSources() {
        JsonPath board = board(REVIEWER, Map.of());
        assertEquals(List.of("North Korean troops", "Kursk", "Volodymyr Zelensky"), board.getList("items.subject.name"),
                "the subject whose figures disagree first, then by name");
        assertEquals(List.of(true, false, false), board.getList("items.conflict"));
        assertEquals(List.of(3000, 200, 300), board.getList("items[0].figures"), "by date: 001 (Jan 11), then 002 (Jan 13)");
        assertEquals(List.of(corpus.nearly3000, corpus.about200, corpus.yonhap300),
                board.<Integer>getList("items[0].claims.annotationId").stream().map(Integer::longValue).toList());
        assertEquals(List.of("NK News", "Kyiv Post", "Kyiv Post"), board.getList("items[0].claims.source"));
        assertEquals(List.of("2025-01-11", "2025-01-13", "2025-01-13"), board.getList("items[0].claims.published"));
        assertEquals(List.of("casualties", "casualties", "casualties"), board.getList("items[0].claims.unit"));
        assertEquals("Volodymyr Zelensky", board.getString("items[0].claims[0].attributedTo[0].entity"));
        assertEquals("A senior Ukrainian military official", board.getString("items[0].claims[1].attributedTo[0].quote"));
        assertEquals("nearly 3,000 North Korean soldiers have been killed or injured", board.getString("items[0].claims[0].quote"));
        assertEquals(corpus.articles.get(1), board.getLong("items[0].claims[0].articleId"));
        assertEquals("ACTOR", board.getString("items[0].subject.type"));

        assertEquals(List.of(3000, 2), board.getList("items[2].figures"), "3,000 casualties and two captured: other units");
        assertEquals(List.of("casualties", "captured"), board.getList("items[2].claims.unit"));
        assertEquals("Kursk", board.getString("items[1].claims[0].locatedIn[0].entity"));
        assertEquals("Korea Herald", board.getString("items[1].claims[0].source"));

        assertEquals(List.of("Volodymyr Zelensky"), board(EDITOR, Map.of("entity", corpus.zelensky)).getList("items.subject.name"));
    }

    @Test
    void statusFiltersTheClaimsAndRejectedOnesLeaveTheBoard() {
        JsonPath claim = accounts.as(REVIEWER).get("/api/annotations/" + corpus.yonhap300).then().extract().jsonPath();
        accounts.as(REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("decision", "reject", "comment", "Yonhap counts the killed only", "version", claim.getInt("version")))
                .post("/api/annotations/" + corpus.yonhap300 + "/decision").then().statusCode(200);
        claim = accounts.as(REVIEWER).get("/api/annotations/" + corpus.nearly3000).then().extract().jsonPath();
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "approve", "version", claim.getInt("version")))
                .post("/api/annotations/" + corpus.nearly3000 + "/decision").then().statusCode(200);

        assertEquals(List.of(3000, 200), board(EDITOR, Map.of()).getList("items[0].figures"), "rejected claims are left out");
        JsonPath approved = board(EDITOR, Map.of("status", "approved"));
        assertEquals(List.of("North Korean troops", "Volodymyr Zelensky"), approved.getList("items.subject.name"));
        assertEquals(List.of(false, false), approved.getList("items.conflict"), "one approved figure agrees with itself");
        assertEquals(List.of(300), board(EDITOR, Map.of("status", "REJECTED")).getList("items[0].figures"));
        accounts.as(EDITOR).queryParam("status", "MAYBE").get("/api/projects/" + corpus.project + "/claims").then()
                .statusCode(400).body("field", equalTo("status"));
    }

    @Test
    void membersOnlyAndEditorsOfABlindProjectSeeTheirOwn() {
        accounts.as(OUTSIDER).get("/api/projects/" + corpus.project + "/claims").then().statusCode(404);
        accounts.as(EDITOR).get("/api/projects/999999999/claims").then().statusCode(404);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "Blind claims " + System.nanoTime(), "blind", true))
                .put("/api/projects/" + corpus.project).then().statusCode(200);
        assertTrue(board(EDITOR2, Map.of()).getList("items").isEmpty(), "another editor's claims are hidden before their work is done");
        assertFalse(board(EDITOR, Map.of()).getList("items").isEmpty(), "the author sees their own");
        assertEquals(3, board(REVIEWER, Map.of()).getList("items").size(), "reviewers see everyone's");
    }
}
