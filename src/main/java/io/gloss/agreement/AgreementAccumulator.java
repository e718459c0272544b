package io.gloss.agreement;

import io.gloss.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The agreement of a project, fed one article at a time (memory grows with the annotators and
 * labels, not the articles). Every two annotators who marked an article done form a pair, and
 * each measure is first a pair's, over the articles both marked done:
 * <ul>
 * <li><b>αu</b>: Krippendorff's unitizing alpha on code points ({@link UnitizingAlpha}), per label
 * and over all labels; overall and per label, the mean over the pairs;</li>
 * <li><b>κ</b>: Cohen's kappa on tokens ({@link Tokenizer}): a token's category is the label of a
 * span of the annotator that overlaps it, or "none"; where two of one annotator's spans of
 * different labels cover a token, the span that starts first decides, then the longer, then the
 * label key in alphabetical order. Overall: Light's kappa (Light 1971), the mean of the pairs'
 * Cohen's kappa. Per label: the same on two categories, the label or not (a token is the label's
 * when any span of it overlaps the token);</li>
 * <li><b>F1</b> of spans, exact (same start, end and label) and overlap (same label, overlapping,
 * one to one; {@link SpanMatch}): 2·matches / (spans of a + spans of b); overall and per label,
 * micro over the pairs (their matches and spans summed).</li>
 * </ul>
 * A value that is undefined (no pair, no span, one category in use) is null.
 */
public final class AgreementAccumulator {

    private final List<String> labels;
    private final Map<String, Integer> labelIndex = new HashMap<>();
    private final ArticleOrder order;
    private final int limit;
    private long articles;
    private final TreeSet<String> annotators = new TreeSet<>();
    private final Map<String, Map<String, PairState>> pairs = new TreeMap<>();
    /** The {@code limit} articles with the least agreement so far, the best of them on top. */
    private final PriorityQueue<AgreementReport.ArticleRow> worst;

    /**
     * @param labels the label keys to measure, in the order of the report; spans of other labels are left out
     * @param order the order of the article list
     * @param limit the length of the article list
     */
    public AgreementAccumulator(List<String> labels, ArticleOrder order, int limit) {
        this.labels = List.copyOf(labels);
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        this.order = order;
        this.limit = limit;
        this.worst = new PriorityQueue<>(Math.max(1, limit), order.comparator.reversed());
    }

    private final class PairState {
        long articles;
        final UnitizingAlpha alpha = new UnitizingAlpha();
        final KappaTable kappa = new KappaTable(labels.size() + 1);
        final KappaTable[] binary = new KappaTable[labels.size()];
        final long[] exact = new long[labels.size()];
        final long[] overlap = new long[labels.size()];
        final long[] spans = new long[labels.size()];

        PairState() {
            for (int i = 0; i < binary.length; i++) {
                binary[i] = new KappaTable(2);
            }
        }

        Double f1(long[] matches) {
            return SpanMatch.f1(sum(matches), sum(spans));
        }
    }

    /** One annotator on one article: their spans by label and their tokens' categories. */
    private final class Opinion {
        final List<List<Span>> byLabel = new ArrayList<>();
        /** Per token: 0 for none, else 1 + the label's index. */
        final int[] category;
        /** Per label, the tokens its spans overlap, as merged ranges {@code [from, to)} of token indexes. */
        final List<List<int[]>> tokens = new ArrayList<>();

        Opinion(List<Span> all, Tokenizer.Tokens tokenized) {
            List<Span> spans = new ArrayList<>(all.stream().filter(s -> labelIndex.containsKey(s.label())).toList());
            spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed())
                    .thenComparing(Span::label));
            category = new int[tokenized.count()];
            for (int i = 0; i < labels.size(); i++) {
                byLabel.add(new ArrayList<>());
                tokens.add(new ArrayList<>());
            }
            for (Span span : spans) {
                int label = labelIndex.get(span.label());
                byLabel.get(label).add(span);
                int from = firstEndingAfter(tokenized, span.start());
                int to = firstStartingAtOrAfter(tokenized, span.end());
                for (int t = from; t < to; t++) {
                    if (category[t] == 0) {
                        category[t] = label + 1;
                    }
                }
                if (from < to) {
                    addRange(tokens.get(label), from, to);
                }
            }
        }

        List<Span> spans() {
            return byLabel.stream().flatMap(List::stream).toList();
        }
    }

    /** Adds an article; one with fewer than two annotators is left out. */
    public void add(ArticleAnnotations article) {
        List<String> names = new ArrayList<>(article.spans().keySet());
        if (names.size() < 2) {
            return;
        }
        articles++;
        annotators.addAll(names);
        List<Opinion> opinions = names.stream().map(name -> new Opinion(article.spans().get(name), article.tokens())).toList();
        int tokenCount = article.tokens().count();
        List<Double> articleKappas = new ArrayList<>();
        List<Double> articleAlphas = new ArrayList<>();
        long articleExact = 0;
        long articleOverlap = 0;
        long articleSpans = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Opinion a = opinions.get(i);
                Opinion b = opinions.get(j);
                PairState pair = pairs.computeIfAbsent(names.get(i), k -> new TreeMap<>()).computeIfAbsent(names.get(j),
                        k -> new PairState());
                pair.articles++;
                articleAlphas.add(pair.alpha.add(article.length(), a.spans(), b.spans()));
                KappaTable tokens = new KappaTable(labels.size() + 1);
                for (int t = 0; t < tokenCount; t++) {
                    tokens.add(a.category[t], b.category[t]);
                }
                pair.kappa.addAll(tokens);
                articleKappas.add(tokens.kappa());
                for (int l = 0; l < labels.size(); l++) {
                    long inA = size(a.tokens.get(l));
                    long inB = size(b.tokens.get(l));
                    long inBoth = intersection(a.tokens.get(l), b.tokens.get(l));
                    KappaTable binary = pair.binary[l];
                    binary.add(1, 1, inBoth);
                    binary.add(1, 0, inA - inBoth);
                    binary.add(0, 1, inB - inBoth);
                    binary.add(0, 0, tokenCount - inA - inB + inBoth);
                    List<Span> spansA = a.byLabel.get(l);
                    List<Span> spansB = b.byLabel.get(l);
                    int exact = SpanMatch.exact(spansA, spansB);
                    int overlap = SpanMatch.overlap(spansA, spansB);
                    pair.exact[l] += exact;
                    pair.overlap[l] += overlap;
                    pair.spans[l] += spansA.size() + spansB.size();
                    articleExact += exact;
                    articleOverlap += overlap;
                    articleSpans += spansA.size() + spansB.size();
                }
            }
        }
        AgreementReport.ArticleRow row = new AgreementReport.ArticleRow(article.articleId(), article.title(), names,
                mean(articleAlphas), mean(articleKappas), SpanMatch.f1(articleExact, articleSpans),
                SpanMatch.f1(articleOverlap, articleSpans));
        if (limit > 0) {
            worst.add(row);
            if (worst.size() > limit) {
                worst.poll();
            }
        }
    }

    public AgreementReport report() {
        List<AgreementReport.Pair> pairReports = new ArrayList<>();
        List<PairState> states = new ArrayList<>();
        pairs.forEach((a, with) -> with.forEach((b, pair) -> {
            states.add(pair);
            pairReports.add(new AgreementReport.Pair(a, b, pair.articles, pair.alpha.alpha(), pair.kappa.kappa(),
                    pair.f1(pair.exact), pair.f1(pair.overlap)));
        }));
        AgreementReport.Measures overall = new AgreementReport.Measures(
                mean(pairReports.stream().map(AgreementReport.Pair::alphaU).toList()),
                mean(pairReports.stream().map(AgreementReport.Pair::kappa).toList()),
                SpanMatch.f1(states.stream().mapToLong(p -> sum(p.exact)).sum(), states.stream().mapToLong(p -> sum(p.spans)).sum()),
                SpanMatch.f1(states.stream().mapToLong(p -> sum(p.overlap)).sum(), states.stream().mapToLong(p -> sum(p.spans)).sum()));
        Map<String, AgreementReport.Measures> perLabel = new LinkedHashMap<>();
        for (int l = 0; l < labels.size(); l++) {
            String label = labels.get(l);
            int i = l;
            long spans = states.stream().mapToLong(p -> p.spans[i]).sum();
            perLabel.put(label, new AgreementReport.Measures(
                    mean(states.stream().map(p -> p.alpha.alpha(label)).toList()),
                    mean(states.stream().map(p -> p.binary[i].kappa()).toList()),
                    SpanMatch.f1(states.stream().mapToLong(p -> p.exact[i]).sum(), spans),
                    SpanMatch.f1(states.stream().mapToLong(p -> p.overlap[i]).sum(), spans)));
        }
        List<AgreementReport.ArticleRow> rows = new ArrayList<>(worst);
        rows.sort(order.comparator);
        return new AgreementReport(articles, List.copyOf(annotators), overall, perLabel, pairReports, rows);
    }

    /** The mean of the defined values, or null when there is none. */
    static Double mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double value : values) {
            if (value != null) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }

    /** The first token that ends after {@code codePoint}. */
    private static int firstEndingAfter(Tokenizer.Tokens tokens, int codePoint) {
        return first(tokens.count(), t -> tokens.end()[t] > codePoint);
    }

    /** The first token that starts at or after {@code codePoint}. */
    private static int firstStartingAtOrAfter(Tokenizer.Tokens tokens, int codePoint) {
        return first(tokens.count(), t -> tokens.start()[t] >= codePoint);
    }

    /** The first index below {@code count} where {@code holds}, which is false up to some index and true from it on. */
    private static int first(int count, IntPredicate holds) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (holds.test(mid)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Adds {@code [from, to)} to ranges that arrive by their start, merging overlapping and touching ones. */
    private static void addRange(List<int[]> ranges, int from, int to) {
        int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (last != null && from <= last[1]) {
            last[1] = Math.max(last[1], to);
        } else {
            ranges.add(new int[] {from, to});
        }
    }

    private static long size(List<int[]> ranges) {
        long size = 0;
        for (int[] range : ranges) {
            size += range[1] - range[0];
        }
        return size;
    }

    private static long intersection(List<int[]> a, List<int[]> b) {
        long common = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int from = Math.max(a.get(i)[0], b.get(j)[0]);
            int to = Math.min(a.get(i)[1], b.get(j)[1]);
            if (from < to) {
                common += to - from;
            }
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }
}
