package io.gloss.agreement;

import io.gloss.project.Label;
import io.gloss.project.ProjectService;
import io.gloss.text.CodePointText;
import io.gloss.text.Tokenizer;
import io.gloss.web.GlossException;
import io.gloss.web.Numbers;
import io.gloss.web.Page;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project's agreement over its articles that at least two editors marked done
 * ({@link AgreementAccumulator} says what is measured), read and computed a batch of articles at
 * a time, so that the memory it takes does not grow with the project.
 */
@ApplicationScoped
public class AgreementService {

    /** Articles read at a time: a few MB of text. */
    static final int BATCH = 500;
    /** The most article ids a request may name. */
    static final int MAX_ARTICLE_IDS = 10_000;

    /** What to measure: labels (null: all), articles (null: all), and the article list's order and length. */
    public record Selection(List<String> labels, List<Long> articleIds, ArticleOrder order, int limit) {

        /** From the query's text; a bad value is a 400 naming its parameter. */
        public static Selection parse(String labels, String articleIds, String sort, Integer limit) {
            List<String> keys = labels == null || labels.isBlank() ? null
                    : Arrays.stream(labels.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                            .map(k -> k.toUpperCase(Locale.ROOT)).distinct().toList();
            List<Long> ids = Numbers.ids("articleIds", articleIds);
            if (ids != null && ids.size() > MAX_ARTICLE_IDS) {
                throw GlossException.badRequest("articleIds", "articleIds may name at most " + MAX_ARTICLE_IDS + " articles.");
            }
            ArticleOrder order = sort == null || sort.isBlank() ? ArticleOrder.ALPHA_U : ArticleOrder.of(sort.strip());
            if (order == null) {
                throw GlossException.badRequest("sort", "sort must be one of alphaU, kappa, f1Exact, f1Overlap.");
            }
            return new Selection(keys == null || keys.isEmpty() ? null : keys, ids, order, Page.limit(limit));
        }
    }

    @Inject
    ProjectService projects;

    @Inject
    AgreementQueries queries;

    /** The agreement of a project the current user may see (else 404). */
    public AgreementReport report(Long projectId, Selection selection) {
        long project = projects.require(projectId).id;
        Map<Long, String> keys = new LinkedHashMap<>();
        Label.ofProject(project).forEach(label -> keys.put(label.id, label.key));
        List<String> projectLabels = List.copyOf(keys.values());
        List<String> labels = selection.labels() == null ? projectLabels : selection.labels();
        for (String key : labels) {
            if (!projectLabels.contains(key)) {
                throw GlossException.badRequest("labels", "This project has no label \"" + Texts.excerpt(key) + "\".");
            }
        }
        AgreementAccumulator accumulator = new AgreementAccumulator(labels, selection.order(), selection.limit());
        long after = 0;
        for (List<Long> ids = queries.nextArticles(project, selection.articleIds(), after, BATCH); !ids.isEmpty();
                ids = queries.nextArticles(project, selection.articleIds(), after, BATCH)) {
            for (ArticleAnnotations article : batch(ids, keys)) {
                accumulator.add(article);
            }
            after = ids.get(ids.size() - 1);
        }
        return accumulator.report();
    }

    /**
     * The articles with their tokens, and for each who marked it done, their spans (perhaps none;
     * the accumulator leaves out the labels it does not measure).
     */
    private List<ArticleAnnotations> batch(List<Long> ids, Map<Long, String> labels) {
        // Read by the batch's range of ids; the articles in it that are not in the batch are left out.
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        Map<Long, SortedMap<String, List<Span>>> opinions = new HashMap<>();
        for (long id : ids) {
            opinions.put(id, new TreeMap<>());
        }
        for (AgreementQueries.Done done : queries.done(first, last)) {
            if (opinions.containsKey(done.articleId())) {
                opinions.get(done.articleId()).put(done.username(), new ArrayList<>());
            }
        }
        for (AgreementQueries.SpanRow span : queries.spans(first, last)) {
            SortedMap<String, List<Span>> article = opinions.get(span.articleId());
            List<Span> spans = article == null ? null : article.get(span.author());
            if (spans != null) {
                spans.add(new Span(labels.get(span.labelId()), span.start(), span.end()));
            }
        }
        List<ArticleAnnotations> articles = new ArrayList<>(ids.size());
        for (AgreementQueries.ArticleText article : queries.texts(ids)) {
            articles.add(new ArticleAnnotations(article.id(), article.title(), article.length(),
                    Tokenizer.words(new CodePointText(article.text())), opinions.get(article.id())));
        }
        return articles;
    }
}
