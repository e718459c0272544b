package io.gloss.curation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.assignment.AssignmentState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The curation page on the server: who may open it, its empty states, and the links to it. */
@QuarkusTest
class CurationPagesTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;

    @BeforeEach
    void fixture() {
        accounts.ensure("cpg-editor", "editor");
        accounts.ensure("cpg-reviewer", "reviewer");
        projectId = data.project("cpg-editor", "cpg-reviewer");
        articleId = data.article(projectId, "Empty states", "Nothing tagged here yet.");
    }

    @Test
    void reviewersOpenItEditorsDoNot() {
        accounts.as("cpg-editor").redirects().follow(false).get("/articles/" + articleId + "/curation").then().statusCode(403);
        accounts.as("cpg-reviewer").get("/articles/" + articleId + "/curation").then().statusCode(200)
                .body(containsString("Nothing to curate"));
        accounts.as("cpg-reviewer").get("/articles/" + articleId).then().statusCode(200)
                .body(containsString("href=\"/articles/" + articleId + "/curation\""));
        accounts.as("cpg-editor").get("/articles/" + articleId).then().statusCode(200)
                .body(not(containsString("/curation\"")));
    }

    @Test
    void withAssignmentsAndNobodyDoneItSaysSo() {
        CurationApiTest.assign(projectId, articleId, "cpg-editor", AssignmentState.ASSIGNED);
        accounts.as("cpg-reviewer").get("/articles/" + articleId + "/curation").then().statusCode(200)
                .body(containsString("No annotator has marked this article done yet."));
    }

    @Test
    void aMergedSpanIsDoneInMyWorkAndNotInTheQueue() {
        accounts.ensure("cpg-editor2", "editor");
        QuarkusTransaction.requiringNew().run(() -> io.gloss.project.ProjectMember.of(projectId, "cpg-editor2").persist());
        long first = tag("cpg-editor");
        long second = tag("cpg-editor2");
        accounts.as("cpg-reviewer").post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200);
        accounts.as("cpg-editor2").get("/my-work").then().statusCode(200)
                .body(containsString("<section class=\"work-section\" id=\"merged\" data-status=\"MERGED\">"))
                .body(containsString("data-id=\"" + second + "\" data-status=\"MERGED\""));
        accounts.as("cpg-reviewer").get("/review?project=" + projectId + "&status=APPROVED").then().statusCode(200)
                .body(containsString("data-id=\"" + first + "\""))
                .body(not(containsString("data-id=\"" + second + "\"")))
                .body(not(containsString("data-status=\"MERGED\"")));
        accounts.as("cpg-reviewer").get("/api/review/queue?status=MERGED").then().statusCode(400);
    }

    long tag(String editor) {
        return accounts.as(editor).contentType("application/json")
                .body(java.util.Map.of("articleId", articleId, "label", "CLAIM", "start", 0, "end", 7, "quote", "Nothing"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
