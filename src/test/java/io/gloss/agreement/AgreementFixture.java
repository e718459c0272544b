package io.gloss.agreement;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Projects whose articles several editors annotated and marked done. Assignments are written as
 * rows of V15's table (negative ids, which the table's sequence never hands out) until the
 * assignment API serves them.
 */
@ApplicationScoped
public class AgreementFixture {

    @Inject
    EntityManager em;

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

    @Transactional
    public void done(long projectId, long articleId, String username) {
        assign(projectId, articleId, username, "DONE");
    }

    @Transactional
    public void inProgress(long projectId, long articleId, String username) {
        assign(projectId, articleId, username, "IN_PROGRESS");
    }

    private void assign(long projectId, long articleId, String username, String state) {
        long id = ((Number) em.createNativeQuery("select coalesce(min(id), 0) - 1 from assignment").getSingleResult()).longValue();
        Instant now = Instant.now();
        em.createNativeQuery("insert into assignment (id, project_id, article_id, username, state, version, created_at, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)").setParameter(1, id).setParameter(2, projectId)
                .setParameter(3, articleId).setParameter(4, username).setParameter(5, state).setParameter(6, now)
                .executeUpdate();
    }

    /** A span tagged through the API by {@code editor}; its id. */
    public long tag(String editor, long articleId, String label, String text, int start, int end) {
        return accounts.as(editor).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "label", label, "start", start, "end", end,
                        "quote", text.substring(start, end)))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
