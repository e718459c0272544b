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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A project's agreement over its articles that at least two editors marked done
 * ({@link AgreementAccumulator} says what is measured), read and computed a batch of articles at
 * a time, so that the memory it takes does not grow with the project. While one batch is
 * tokenized and measured on another thread (the common pool), the next is read from the
 * database: the two halves take about as long, and on two cores they overlap. At most two
 * batches are in memory, the one being measured and the one just read.
 */
@ApplicationScoped
public class AgreementService {

    /** Articles read at a time: a few MB of text. */
    static final int BATCH = 1000;
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
        Map<Long, String> keys = labelKeys(project);
        List<String> projectLabels = List.copyOf(keys.values());
        List<String> labels = selection.labels() == null ? projectLabels : selection.labels();
        for (String key : labels) {
            if (!projectLabels.contains(key)) {
                throw GlossException.badRequest("labels", "This project has no label \"" + Texts.excerpt(key) + "\".");
            }
        }
        AgreementAccumulator accumulator = new AgreementAccumulator(labels, selection.order(), selection.limit());
        long[] after = {0};
        measure(() -> {
            List<Long> ids = queries.nextArticles(project, selection.articleIds(), after[0], BATCH);
            after[0] = ids.isEmpty() ? after[0] : ids.get(ids.size() - 1);
            return ids;
        }, keys, accumulator::add);
        return accumulator.report();
    }

    /**
     * When each article of the project the current user may see (else 404) that at least two
     * people marked done was completed: the last of those DONE marks, from {@code from} (included)
     * to {@code until} (excluded). An article reopened and marked done again moves to its new time.
     */
    public Map<Long, Instant> completed(Long projectId, Instant from, Instant until) {
        long project = projects.require(projectId).id;
        Map<Long, Instant> completed = new LinkedHashMap<>();
        queries.completed(project, from, until).forEach(c -> completed.put(c.articleId(), c.at()));
        return completed;
    }

    /**
     * The agreement over all labels of each group of articles (the article list left out), for
     * groups the caller makes, such as the articles completed in one week: one pass over the
     * articles, each measured once. A group with no measured article has no report.
     */
    public <G> Map<G, AgreementReport> reportsByGroup(Long projectId, Map<Long, G> groupOfArticle) {
        long project = projects.require(projectId).id;
        Map<Long, String> keys = labelKeys(project);
        List<String> labels = List.copyOf(keys.values());
        Map<G, AgreementAccumulator> accumulators = new LinkedHashMap<>();
        Iterator<Long> ids = new TreeSet<>(groupOfArticle.keySet()).iterator();
        measure(() -> nextBatch(ids), keys, article -> accumulators.computeIfAbsent(groupOfArticle.get(article.articleId()),
                group -> new AgreementAccumulator(labels, ArticleOrder.ALPHA_U, 0)).add(article));
        Map<G, AgreementReport> reports = new LinkedHashMap<>();
        accumulators.forEach((group, accumulator) -> reports.put(group, accumulator.report()));
        return reports;
    }

    /**
     * The next ids of a batch, ascending, cut where they would span more than a few batches' worth
     * of ids: the spans are read by the batch's range of ids, so sparse ids in one wide range
     * would read every span of the articles between them.
     */
    private static List<Long> nextBatch(Iterator<Long> ids) {
        List<Long> batch = new ArrayList<>();
        while (ids.hasNext() && batch.size() < BATCH) {
            batch.add(ids.next());
            if (batch.get(batch.size() - 1) - batch.get(0) >= 4L * BATCH) {
                break;
            }
        }
        return batch;
    }

    private static Map<Long, String> labelKeys(long project) {
        Map<Long, String> keys = new LinkedHashMap<>();
        Label.ofProject(project).forEach(label -> keys.put(label.id, label.key));
        return keys;
    }

    /**
     * Reads the batches {@code nextIds} gives (empty: done) and hands each article, tokenized, to
     * {@code sink}: a batch is measured on another thread while the next is read, one batch at a
     * time, so {@code sink} is never called from two threads at once.
     */
    private void measure(Supplier<List<Long>> nextIds, Map<Long, String> keys, Consumer<ArticleAnnotations> sink) {
        CompletableFuture<Void> computing = CompletableFuture.completedFuture(null);
        for (List<Long> ids = nextIds.get(); !ids.isEmpty(); ids = nextIds.get()) {
            List<Fetched> batch = fetch(ids, keys);
            finish(computing);
            computing = CompletableFuture.runAsync(() -> batch.forEach(article -> sink.accept(article.tokenized())));
        }
        finish(computing);
    }

    /** Waits for a batch's computation; what failed in it fails here. */
    private static void finish(CompletableFuture<Void> computing) {
        try {
            computing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** An article as read: its text, and the spans of each who marked it done. */
    private record Fetched(AgreementQueries.ArticleText article, SortedMap<String, List<Span>> spans) {

        ArticleAnnotations tokenized() {
            return new ArticleAnnotations(article.id(), article.title(), article.length(),
                    Tokenizer.words(new CodePointText(article.text())), spans);
        }
    }

    /**
     * The articles, and for each who marked it done, their spans (perhaps none; the accumulator
     * leaves out the labels it does not measure).
     */
    private List<Fetched> fetch(List<Long> ids, Map<Long, String> labels) {
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
        return queries.texts(ids).stream().map(article -> new Fetched(article, opinions.get(article.id()))).toList();
    }
}
