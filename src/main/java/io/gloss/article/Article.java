package io.gloss.article;

import io.gloss.project.Project;
import io.gloss.text.SearchTokens;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable text with metadata. The text is normalised once at import (NFC, line endings to
 * {@code \n}) and never changes; {@link #length} counts Unicode code points, the unit of every
 * offset in Gloss.
 */
@Entity
public class Article extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    public String title;
    public String source;
    public String url;
    public String author;
    /** As given at import (ISO date or date-time). */
    public String published;
    public String language;
    @Column(name = "external_id")
    public String externalId;

    /** The normalised text ("text" is a reserved word in some SQL dialects). */
    @Column(name = "body")
    public String text;

    /** Length in code points. */
    public int length;

    /** SHA-256 of the normalised text in UTF-8, lower-case hex. */
    public String sha256;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * When an admin retired the article: it leaves lists, queues, assignments, agreement, curation
     * and new datasets, and takes no more annotations; it stays for the audit trail and the
     * datasets built before. Null while live.
     */
    @Column(name = "retired_at")
    public Instant retiredAt;

    /** Who retired it (a username), null while live. */
    @Column(name = "retired_by")
    public String retiredBy;

    /** Its title and text as search reads them ({@code SearchTokens.fold}), kept with every write. */
    @Column(name = "search_text")
    public String searchText;

    @PrePersist
    @PreUpdate
    void foldForSearch() {
        searchText = SearchTokens.fold(title + "\n" + text);
    }

    /**
     * The article if {@code username} is a member of its project, with the membership checked in
     * the same query: this runs on every annotation write, and a round trip to a database on
     * another host costs more than the query itself.
     */
    public static Article findForMember(long articleId, String username) {
        return getEntityManager().createQuery("select ar from Article ar where ar.id = :id and exists (select 1 "
                + "from ProjectMember pm where pm.id.projectId = ar.project.id and pm.id.username = :username)", Article.class)
                .setParameter("id", articleId).setParameter("username", username)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** The project's article with this text, if any. */
    public static Optional<Article> findByText(long projectId, String sha256) {
        return find("project.id = ?1 and sha256 = ?2", projectId, sha256).firstResultOptional();
    }

    /**
     * The article a Web Annotation's {@code source} names: the project's article with that url (a
     * live one before a retired one), or {@code urn:gloss:article:<id>}, as the W3C export names an
     * article without a url, when that article is the project's.
     */
    public static Optional<Article> findBySource(long projectId, String source) {
        String urn = "urn:gloss:article:";
        if (source.startsWith(urn) && source.substring(urn.length()).matches("[0-9]{1,18}")) {
            return find("project.id = ?1 and id = ?2", projectId, Long.parseLong(source.substring(urn.length())))
                    .firstResultOptional();
        }
        return find("project.id = ?1 and url = ?2 order by case when retiredAt is null then 0 else 1 end, id", projectId, source)
                .firstResultOptional();
    }

    /** The titles of these articles by id, without loading their texts; ids of no article are left out. */
    public static Map<Long, String> titles(Collection<Long> ids) {
        return getEntityManager().createQuery("select a.id, a.title from Article a where a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    /** Which of {@code hashes} the project's articles have already, with the article each is the text of. */
    public static Map<String, Long> textsAmong(long projectId, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select a.sha256, a.id from Article a where a.project.id = :project "
                + "and a.sha256 in :hashes", Object[].class).setParameter("project", projectId).setParameter("hashes", hashes)
                .getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    /** Whether pages may link to {@link #url}: articles stored before only http(s) was accepted may hold others. */
    public boolean hasWebUrl() {
        return ArticleInput.isHttp(url);
    }
}
