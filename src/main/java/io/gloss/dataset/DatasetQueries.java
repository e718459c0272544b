package io.gloss.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Questions a dataset definition asks of the articles before it is saved (an export's own are {@link ExportReader}'s). */
@ApplicationScoped
class DatasetQueries {

    /** Ids per query, so that the IN list stays short whatever the definition names. */
    private static final int IDS_PER_QUERY = 500;

    @Inject
    EntityManager em;

    /** Which of {@code ids} are live (not retired) articles of the project. */
    Set<Long> articlesAmong(long projectId, List<Long> ids) {
        Set<Long> found = new HashSet<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            found.addAll(em.createQuery("select ar.id from Article ar where ar.project.id = :project and ar.id in :ids and ar.retiredAt is null",
                    Long.class).setParameter("project", projectId).setParameter("ids", chunk).getResultList());
        }
        return found;
    }
}
