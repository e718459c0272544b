package io.gloss.curation;

import io.gloss.assignment.AssignmentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What curation reads besides annotations: who is assigned to an article, and who of them is done. */
@ApplicationScoped
public class CurationQueries {

    @Inject
    EntityManager em;

    /** Each assignee of the article and whether they marked their work on it DONE; empty when nobody is assigned. */
    public Map<String, Boolean> assignees(long articleId) {
        List<Object[]> rows = em.createQuery("select a.username, a.state from Assignment a where a.articleId = :article",
                Object[].class).setParameter("article", articleId).getResultList();
        Map<String, Boolean> assignees = new HashMap<>();
        for (Object[] row : rows) {
            assignees.put((String) row[0], row[1] == AssignmentState.DONE);
        }
        return assignees;
    }
}
