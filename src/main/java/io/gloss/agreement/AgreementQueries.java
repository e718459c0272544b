package io.gloss.agreement;

import io.gloss.assignment.AssignmentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/**
 * What the agreement reads, a batch of articles at a time: the next articles with at least two
 * DONE assignments (keyset on the article id, from ix_assignment_project_state alone), their
 * texts, who marked them done, and the live spans on them, whatever their status (an approved,
 * rejected or merged span is still its annotator's opinion).
 */
@ApplicationScoped
public class AgreementQueries {

    /** An article's text and what the list shows of it. */
    public record ArticleText(long id, String title, String text, int length) {
    }

    /** A username who marked an article done. */
    public record Done(long articleId, String username) {
    }

    /** An article at least two people marked done, and the last of those marks. */
    public record Completed(long articleId, Instant at) {
    }

    /** A live span, its label by id. */
    public record SpanRow(long articleId, String author, long labelId, int start, int end) {
    }

    @Inject
    EntityManager em;

    /**
     * Up to {@code limit} ids after {@code afterId}, ascending, of the project's articles that at
     * least two people marked done; only among {@code articleIds} unless that is null. Grouped and
     * ordered by the columns of ix_assignment_project_state, so that the index alone answers.
     */
    public List<Long> nextArticles(long projectId, List<Long> articleIds, long afterId, int limit) {
        TypedQuery<Long> query = em.createQuery("select s.articleId from Assignment s where s.projectId = :project "
                + "and s.state = :done and s.articleId > :after" + (articleIds == null ? "" : " and s.articleId in :ids")
                // retired articles are out of the agreement; they are few, so their ids are read once
                + " and s.articleId not in (select r.id from Article r where r.project.id = :project and r.retiredAt is not null)"
                + " group by s.projectId, s.state, s.articleId having count(s) >= 2 order by s.projectId, s.state, s.articleId",
                Long.class).setParameter("project", projectId).setParameter("done", AssignmentState.DONE)
                .setParameter("after", afterId).setMaxResults(limit);
        if (articleIds != null) {
            query.setParameter("ids", articleIds);
        }
        return query.getResultList();
    }

    /**
     * The project's articles (retired ones left out) that at least two people marked done, with
     * the last of those marks from {@code from} (included) to {@code until} (excluded).
     */
    public List<Completed> completed(long projectId, Instant from, Instant until) {
        return em.createQuery("select new io.gloss.agreement.AgreementQueries$Completed(s.articleId, max(s.updatedAt)) "
                + "from Assignment s where s.projectId = :project and s.state = :done"
                + " and s.articleId not in (select r.id from Article r where r.project.id = :project and r.retiredAt is not null)"
                + " group by s.articleId having count(s) >= 2 and max(s.updatedAt) >= :from and max(s.updatedAt) < :until"
                + " order by s.articleId", Completed.class).setParameter("project", projectId)
                .setParameter("done", AssignmentState.DONE).setParameter("from", from).setParameter("until", until)
                .getResultList();
    }

    public List<ArticleText> texts(List<Long> ids) {
        return em.createQuery("select new io.gloss.agreement.AgreementQueries$ArticleText(ar.id, ar.title, ar.text, ar.length) "
                + "from Article ar where ar.id in :ids order by ar.id", ArticleText.class).setParameter("ids", ids).getResultList();
    }

    /**
     * Who marked articles done, from {@code first} to {@code last} (ids): a range, where a list of
     * ids would be compared with every row read (on H2, most of the agreement's time).
     */
    public List<Done> done(long first, long last) {
        return em.createQuery("select new io.gloss.agreement.AgreementQueries$Done(s.articleId, s.username) from Assignment s "
                + "where s.articleId between :first and :last and s.state = :done", Done.class).setParameter("first", first)
                .setParameter("last", last).setParameter("done", AssignmentState.DONE).getResultList();
    }

    /**
     * The live spans of articles {@code first} to {@code last}, everyone's: one table read by
     * ix_annotation_article. Joined with the assignments or the labels, H2 planned a scan of
     * every annotation of the project for each batch; the caller keeps those of the annotators who
     * marked the article done and of the labels it measures.
     */
    public List<SpanRow> spans(long first, long last) {
        return em.createQuery("select new io.gloss.agreement.AgreementQueries$SpanRow(an.article.id, an.author, an.label.id, "
                + "an.start, an.end) from Annotation an where an.article.id between :first and :last and an.deletedAt is null",
                SpanRow.class).setParameter("first", first).setParameter("last", last).getResultList();
    }
}
