package io.gloss.agreement;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Projects whose articles several editors annotated and marked done, through the API. */
@ApplicationScoped
public class AgreementFixture {

    static final String ADMIN = "agr-fixture-admin";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    /** A project with CLAIM, ACTOR, LOCATION, the editors as members, and the reviewer. */
    public long project(String reviewer, String... editors) {
        for (String editor : editors) {
            accounts.ensure(editor, "editor");
        }
        accounts.ensure(reviewer, "reviewer");
        String[] members = java.util.Arrays.copyOf(editors, editors.length + 1);
        members[editors.length] = reviewer;
        return data.project(members);
    }

    /** {@code username} assigned to the article by an admin, and their "Mark done". */
    public void done(long projectId, long articleId, String username) {
        move(projectId, articleId, username, "DONE");
    }

    public void inProgress(long projectId, long articleId, String username) {
        move(projectId, articleId, username, "IN_PROGRESS");
    }

    private void move(long projectId, long articleId, String username, String state) {
        accounts.ensure(ADMIN, "admin");
        accounts.mark(username, accounts.assign(ADMIN, projectId, articleId, username), state);
    }

    /** A span tagged through the API by {@code editor}; its id. */
    public long tag(String editor, long articleId, String label, String text, int start, int end) {
        return accounts.as(editor).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", label, "start", start, "end", end,
                        "quote", text.substring(start, end)))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
