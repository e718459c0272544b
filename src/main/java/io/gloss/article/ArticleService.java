package io.gloss.article;

import io.gloss.audit.AuditService;
import io.gloss.auth.AccountService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.text.Offsets;
import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Importing and listing articles. Texts are normalised here and nowhere else. */
@ApplicationScoped
public class ArticleService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;


    @Inject
    ImportConfig config;

    @Inject
    AuditService audit;

    @Inject
    AccountService accounts;

    /** The article, if the current user may see its project; otherwise 404. */
    public Article require(Long articleId) {
        Article article = articleId == null ? null
                : projects.seesAll() ? Article.findById(articleId) : Article.findForMember(articleId, currentUser.username());
        if (article == null) {
            throw GlossException.notFound("Article " + articleId);
        }
        return article;
    }

    /**
     * The article, for a change to its annotations (made, edited, decided, curated or assigned):
     * 404 as {@link #require}, 409 when it is retired or its project archived.
     */
    public Article requireWritable(Long articleId) {
        return requireWritable(require(articleId));
    }

    /** {@code article} itself, if its annotations may change: 409 when it is retired or its project archived. */
    public static Article requireWritable(Article article) {
        article.project.requireWritable();
        return requireLive(article);
    }

    /** The article, unless it is retired (409 {@code article_retired}): what curation, assignment and agreement work on. */
    public Article requireLive(Long articleId) {
        return requireLive(require(articleId));
    }

    private static Article requireLive(Article article) {
        if (article.retiredAt != null) {
            throw GlossException.conflict("article_retired", "“" + article.title + "” was retired by "
                    + article.retiredBy + ": it takes no annotations, reviews or assignments until an admin restores it.");
        }
        return article;
    }

    /**
     * Retires the article: it leaves lists, queues, assignments, agreement, curation and new
     * datasets, and takes no more changes; its annotations stay, for the audit trail and the
     * datasets built before. Retiring a retired article is a 409 that says so.
     */
    @Transactional
    public Article retire(Long articleId) {
        Article article = require(articleId);
        article.project.requireWritable();
        if (article.retiredAt != null) {
            throw GlossException.conflict("article_retired", "“" + article.title + "” was retired already, by "
                    + article.retiredBy + " on " + DAY.format(article.retiredAt) + ".");
        }
        Retirement before = Retirement.of(article);
        article.retiredAt = Timestamps.now();
        article.retiredBy = currentUser.username();
        audit.record(article.project.id, "article", article.id, "retire", before, Retirement.of(article));
        return article;
    }

    /** Brings a retired article back everywhere it had left; a live one is a 409. */
    @Transactional
    public Article restore(Long articleId) {
        Article article = require(articleId);
        article.project.requireWritable();
        if (article.retiredAt == null) {
            throw GlossException.conflict("article_live", "“" + article.title + "” is not retired.");
        }
        Retirement before = Retirement.of(article);
        article.retiredAt = null;
        article.retiredBy = null;
        audit.record(article.project.id, "article", article.id, "restore", before, Retirement.of(article));
        return article;
    }

    /** The audit images of a retirement: which article, and whether, when and by whom it is retired. */
    record Retirement(String title, Instant retiredAt, String retiredBy) {
        static Retirement of(Article article) {
            return new Retirement(article.title, article.retiredAt, article.retiredBy);
        }
    }

    /** Where an import's spans go, as {@code ?as=} and {@code ?account=} say; the import account is made if it is new. */
    public SpanTarget spanTarget(String as, String account) {
        SpanTarget target = SpanTarget.of(as, account);
        if (target.submitted()) {
            accounts.importAccount(target.account());
        }
        return target;
    }

    /** Imports one article; a text the project has already is a 409 naming the existing article. */
    @Transactional
    public Article create(Project project, ArticleInput input, String username) {
        project.requireWritable();
        Article article = build(project, input, username);
        Article.findByText(project.id, article.sha256).ifPresent(existing -> {
            throw GlossException.conflict("duplicate", "This project has this text already: \""
                    + existing.title + "\".").with("existingId", existing.id);
        });
        article.persist();
        audit.record(project.id, "article", article.id, "create", null,
                Map.of("title", article.title, "length", article.length, "sha256", article.sha256));
        return article;
    }

    /** Plain-text or Markdown files, one article each; {@code line} in an error is the file's position. */
    @Transactional
    public ImportReport importFiles(Project project, List<ArticleInput> files, String username) {
        project.requireWritable();
        ImportReport.Builder report = new ImportReport.Builder();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                add(project, files.get(i), username, seen, report);
            } catch (GlossException e) {
                String source = files.get(i).source();
                report.errors.add(new ImportReport.LineError(i + 1, source == null ? e.getMessage() : source + ": " + e.getMessage()));
            }
        }
        ImportReport done = report.build();
        // One event for the whole upload: a thousand files are one act of one admin.
        audit.record(project.id, "project", project.id, "import", null, Map.of("files", files.size(),
                "imported", done.imported(), "duplicates", done.duplicates(), "refused", done.errors().size()));
        return done;
    }

    private void add(Project project, ArticleInput input, String username, Set<String> seen, ImportReport.Builder report) {
        Article article = build(project, input, username);
        if (!seen.add(article.sha256) || Article.findByText(project.id, article.sha256).isPresent()) {
            report.duplicates++;
            return;
        }
        article.persist();
        report.imported++;
        report.ids.add(article.id);
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
        if (length > config.maxArticleChars()) {
            throw new GlossException(413, "too_large", "The article has " + length + " characters; the limit is "
                    + config.maxArticleChars() + ".").with("field", "text");
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
}
