package io.gloss.article;

import io.gloss.auth.CurrentUser;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.text.Offsets;
import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Importing and listing articles. Texts are normalised here and nowhere else. */
@ApplicationScoped
public class ArticleService {

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "gloss.import.max-article-chars")
    int maxArticleChars;

    /** The article, if the current user may see its project; otherwise 404. */
    public Article require(Long articleId) {
        Article article = articleId == null ? null : projects.seesAll() ? Article.findById(articleId) : findAsMember(articleId);
        if (article == null) {
            throw GlossException.notFound("Article " + articleId);
        }
        return article;
    }

    /**
     * The article if the current user is a member of its project, with the membership checked in
     * the same query: this runs on every annotation write, and a round trip to a database on
     * another host costs more than the query itself.
     */
    private Article findAsMember(long articleId) {
        return em.createQuery("select ar from Article ar where ar.id = :id and exists (select 1 from ProjectMember pm "
                + "where pm.id.projectId = ar.project.id and pm.id.username = :username)", Article.class)
                .setParameter("id", articleId).setParameter("username", currentUser.username())
                .getResultList().stream().findFirst().orElse(null);
    }

    /** Imports one article; a text the project has already is a 409 naming the existing article. */
    @Transactional
    public Article create(Project project, ArticleInput input, String username) {
        Article article = build(project, input, username);
        findDuplicate(project, article.sha256).ifPresent(existing -> {
            throw GlossException.conflict("duplicate", "This project has this text already: \""
                    + existing.title + "\".").with("existingId", existing.id);
        });
        article.persist();
        return article;
    }

    /** Plain-text or Markdown files, one article each; {@code line} in an error is the file's position. */
    @Transactional
    public ImportReport importFiles(Project project, List<ArticleInput> files, String username) {
        ImportReport.Builder report = new ImportReport.Builder();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                add(project, files.get(i), username, seen, report);
            } catch (GlossException e) {
                report.errors.add(new ImportReport.LineError(i + 1, files.get(i).source() + ": " + e.getMessage()));
            }
        }
        return report.build();
    }

    private void add(Project project, ArticleInput input, String username, Set<String> seen, ImportReport.Builder report) {
        Article article = build(project, input, username);
        if (!seen.add(article.sha256) || findDuplicate(project, article.sha256).isPresent()) {
            report.duplicates++;
            return;
        }
        article.persist();
        report.imported++;
        report.ids.add(article.id);
    }

    private Optional<Article> findDuplicate(Project project, String sha256) {
        return Article.find("project.id = ?1 and sha256 = ?2", project.id, sha256).firstResultOptional();
    }

    /** A new article, checked and normalised, not yet persisted ({@link JsonLinesImporter} persists in batches). */
    Article build(Project project, ArticleInput input, String username) {
        if (input.text() == null || input.text().isBlank()) {
            throw GlossException.badRequest("text", "The article has no text.");
        }
        // Forms and files do not pass the JSON reader's check: every article is checked here.
        Texts.requirePlainText("text", input.text());
        String text = TextNormalizer.normalize(input.text());
        int length = Offsets.length(text);
        if (length > maxArticleChars) {
            throw new GlossException(413, "too_large", "The article has " + length + " characters; the limit is "
                    + maxArticleChars + ".").with("field", "text");
        }
        String title = input.title() == null || input.title().isBlank()
                ? ArticleInput.fromFile("Untitled", text).title() : input.title().strip();
        Article article = new Article();
        article.project = project;
        article.title = field("title", title, 500);
        article.source = field("source", input.source(), 200);
        article.url = ArticleInput.httpUrl(field("url", input.url(), 2000));
        article.author = field("author", input.author(), 200);
        article.published = field("published", input.published(), 40);
        article.language = field("language", input.language(), 20);
        article.externalId = field("externalId", input.externalId(), 200);
        article.text = text;
        article.length = length;
        article.sha256 = TextNormalizer.sha256(text);
        article.createdBy = username;
        article.createdAt = Instant.now();
        return article;
    }

    private static String field(String name, String value, int max) {
        return Texts.optional(name, Texts.requireUnicode(name, value), max);
    }

    /** A page of a project's articles in import order, with counts; {@code q} searches titles. */
    public Page<ArticleSummary> summaries(Project project, String q, String after, Integer limit, String me) {
        int size = Page.limit(limit);
        long afterId = Page.after(after);
        String search = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase(Locale.ROOT) + "%";
        var query = em.createQuery("select a.id, a.title, a.length from Article a where a.project.id = :p and a.id > :after"
                        + (search == null ? "" : " and lower(a.title) like :q") + " order by a.id", Object[].class)
                .setParameter("p", project.id).setParameter("after", afterId)
                .setMaxResults(size + 1);
        if (search != null) {
            query.setParameter("q", search);
        }
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > size;
        List<Object[]> page = more ? rows.subList(0, size) : rows;
        Map<Long, ArticleSummary.Counts> counts = counts(page.stream().map(r -> (Long) r[0]).toList(), me);
        List<ArticleSummary> items = page.stream()
                .map(r -> new ArticleSummary((Long) r[0], (String) r[1], (Integer) r[2],
                        counts.getOrDefault((Long) r[0], ArticleSummary.Counts.NONE)))
                .toList();
        return new Page<>(items, more ? String.valueOf(page.get(page.size() - 1)[0]) : null);
    }

    private Map<Long, ArticleSummary.Counts> counts(List<Long> articleIds, String me) {
        Map<Long, long[]> raw = new HashMap<>();
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select n.article.id, n.status, count(n), "
                        + "sum(case when n.author = :me then 1 else 0 end) from Annotation n "
                        + "where n.article.id in :ids and n.deletedAt is null group by n.article.id, n.status", Object[].class)
                .setParameter("me", me == null ? "" : me).setParameter("ids", articleIds).getResultList();
        for (Object[] r : rows) {
            long[] c = raw.computeIfAbsent((Long) r[0], id -> new long[5]);
            long n = ((Number) r[2]).longValue();
            c[0] += n;
            c[1] += ((Number) r[3]).longValue();
            c[2 + ((Enum<?>) r[1]).ordinal()] += n;
        }
        Map<Long, ArticleSummary.Counts> counts = new HashMap<>();
        raw.forEach((id, c) -> counts.put(id, new ArticleSummary.Counts(c[0], c[1], c[2], c[3], c[4])));
        return counts;
    }
}
