package io.gloss.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * What the agreement reads, a batch of articles at a time: the next articles with at least two
 * DONE assignments (keyset on the article id, from ix_assignment_project_state alone), their
 * texts, who marked them done, and those annotators' live spans on them, whatever their status
 * (an approved, rejected or merged span is still its annotator's opinion). The assignment table is
 * read in SQL (V15).
 */
@ApplicationScoped
public class AgreementQueries {

    /** An article's text and what the list shows of it. */
    public record ArticleText(long id, String title, String text, int length) {
    }

    /** A username who marked an article done. */
    public record Done(long articleId, String username) {
    }

    /** A live span of an annotator who marked its article done. */
    public record SpanRow(long articleId, String author, String label, int start, int end) {
    }

    @Inject
    EntityManager em;

    /**
     * Up to {@code limit} ids after {@code afterId}, ascending, of the project's articles that at
     * least two people marked done; only among {@code articleIds} unless that is null.
     */
    public List<Long> nextArticles(long projectId, List<Long> articleIds, long afterId, int limit) {
        Query query = em.createNativeQuery("select article_id from assignment where project_id = :project "
                + "and state = 'DONE' and article_id > :after" + (articleIds == null ? "" : " and article_id in (:ids)")
                + " group by project_id, state, article_id having count(*) >= 2 order by project_id, state, article_id",
                Long.class)
                .setParameter("project", projectId).setParameter("after", afterId).setMaxResults(limit);
        if (articleIds != null) {
            query.setParameter("ids", articleIds);
        }
        @SuppressWarnings("unchecked")
        List<Long> ids = query.getResultList();
        return ids;
    }

    public List<ArticleText> texts(List<Long> ids) {
        return em.createQuery("select new io.gloss.agreement.AgreementQueries$ArticleText(ar.id, ar.title, ar.text, ar.length) "
                + "from Article ar where ar.id in :ids order by ar.id", ArticleText.class).setParameter("ids", ids).getResultList();
    }

    public List<Done> done(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select article_id, username from assignment where article_id in (:ids) "
                + "and state = 'DONE' order by article_id, username").setParameter("ids", ids).getResultList();
        return rows.stream().map(row -> new Done(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    /** The live spans of these articles by those who marked them done; only of {@code labels} unless that is null. */
    public List<SpanRow> spans(List<Long> ids, List<String> labels) {
        Query query = em.createNativeQuery("select an.article_id, an.author, l.label_key, an.start_offset, an.end_offset "
                + "from annotation an join label l on l.id = an.label_id "
                + "join assignment s on s.article_id = an.article_id and s.username = an.author and s.state = 'DONE' "
                + "where an.article_id in (:ids) and an.deleted_at is null"
                + (labels == null ? "" : " and l.label_key in (:labels)")).setParameter("ids", ids);
        if (labels != null) {
            query.setParameter("labels", labels);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new SpanRow(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue())).toList();
    }
}
