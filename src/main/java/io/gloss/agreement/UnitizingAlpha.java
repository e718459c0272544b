package io.gloss.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/**
 * Krippendorff's unitizing alpha (αu, 1995 and 2004) of two annotators on code points, over the
 * articles they both marked done, laid end to end on one continuum as INCEpTION does; per label
 * (DKPro's category agreement) and over all labels. Fed one article at a time, so that its memory
 * does not grow with the number of articles.
 *
 * <p>DKPro Statistics' {@link KrippendorffAlphaUnitizingAgreement} needs every unit of the
 * continuum in one study, and its expected disagreement compares every unit with every gap of
 * the continuum: 10,000 articles make that billions of steps. Its two halves are therefore taken
 * apart, each as DKPro defines it, and each article is measured alone and then laid after the
 * articles before it:
 * <ul>
 * <li>the observed disagreement is DKPro's, on a study of one article at a time: the pair's sum
 * of squared distances is the sum of its articles' sums, since a unit lies inside one article, and
 * a gap that runs past an article's end holds a unit exactly when the part of it inside that
 * article does;</li>
 * <li>the expected disagreement is DKPro's formula over the whole continuum, computed from what
 * it depends on: the number of units, the counts of unit lengths and the counts of gap lengths
 * (a gap may run from one article into the next, as on DKPro's continuum).</li>
 * </ul>
 * {@code UnitizingAlphaTest} checks both halves and the result against DKPro's own on end-to-end
 * studies, among them Krippendorff's published examples.
 *
 * <p>DKPro forbids a rater's units of one category to overlap; one annotator's overlapping
 * spans of one label are therefore merged into their union (spans that only touch stay two).
 */
final class UnitizingAlpha {

    private static final int RATERS = 2;

    private long continuum;
    private final Map<String, Category> categories = new TreeMap<>();

    /** What αu needs of one label, summed over the articles so far. */
    private static final class Category {
        long squaredDistances;
        long unitCount;
        /** Where each rater's last unit ended on the continuum: the start of their open gap. */
        final long[] lastEnd = new long[RATERS];
        /** Where each rater's first unit starts, or -1: what an article's leading gap is. */
        final long[] firstStart = {-1, -1};
        final Map<Long, Long> unitLengths = new HashMap<>();
        final Map<Long, Long> gapLengths = new HashMap<>();
    }

    /**
     * Adds an article of {@code length} code points with the two annotators' spans on it, and
     * returns the two annotators' αu on that article alone (null when neither marked anything).
     */
    Double add(int length, List<Span> a, List<Span> b) {
        UnitizingAlpha article = new UnitizingAlpha();
        article.measure(length, a, b);
        append(article);
        return article.alpha();
    }

    /** Measures one article on an empty continuum. */
    private void measure(int length, List<Span> a, List<Span> b) {
        List<List<Span>> raters = List.of(units(a), units(b));
        if (!raters.get(0).isEmpty() || !raters.get(1).isEmpty()) {
            UnitizingAnnotationStudy study = study(length, raters);
            Observed observed = new Observed(study);
            for (Object label : study.getCategories()) {
                categories.computeIfAbsent((String) label, k -> new Category()).squaredDistances += observed
                        .squaredDistances(label);
            }
            for (int r = 0; r < RATERS; r++) {
                for (Span unit : raters.get(r)) {
                    Category category = categories.get(unit.label());
                    if (unit.start() > category.lastEnd[r]) {
                        category.gapLengths.merge(unit.start() - category.lastEnd[r], 1L, Long::sum);
                    }
                    if (category.firstStart[r] < 0) {
                        category.firstStart[r] = unit.start();
                    }
                    category.lastEnd[r] = unit.end();
                    category.unitLengths.merge((long) unit.end() - unit.start(), 1L, Long::sum);
                    category.unitCount++;
                }
            }
        }
        continuum = length;
    }

    /**
     * Lays an article's measures after the continuum so far: the sums and counts add up, and for
     * each rater with units in it the gap that was open at the continuum's end runs on to their
     * first unit in the article, in place of the article's own leading gap.
     */
    private void append(UnitizingAlpha article) {
        for (Map.Entry<String, Category> entry : article.categories.entrySet()) {
            Category from = entry.getValue();
            Category into = categories.computeIfAbsent(entry.getKey(), k -> new Category());
            into.squaredDistances += from.squaredDistances;
            into.unitCount += from.unitCount;
            from.unitLengths.forEach((length, n) -> into.unitLengths.merge(length, n, Long::sum));
            from.gapLengths.forEach((length, n) -> into.gapLengths.merge(length, n, Long::sum));
            for (int r = 0; r < RATERS; r++) {
                if (from.firstStart[r] < 0) {
                    continue;
                }
                if (from.firstStart[r] > 0) {
                    into.gapLengths.computeIfPresent(from.firstStart[r], (length, n) -> n == 1 ? null : n - 1);
                }
                long gap = continuum + from.firstStart[r] - into.lastEnd[r];
                if (gap > 0) {
                    into.gapLengths.merge(gap, 1L, Long::sum);
                }
                into.lastEnd[r] = continuum + from.lastEnd[r];
            }
        }
        continuum += article.continuum;
    }

    /** αu over all labels: DKPro's 1 - D_o / D_e with both averaged over the labels; null when undefined. */
    Double alpha() {
        double observed = 0;
        double expected = 0;
        for (Category category : categories.values()) {
            observed += observed(category);
            expected += expected(category);
        }
        return categories.isEmpty() ? null : agreement(observed, expected);
    }

    /** αu of one label (DKPro's category agreement); null when neither annotator used it. */
    Double alpha(String label) {
        Category category = categories.get(label);
        return category == null ? null : agreement(observed(category), expected(category));
    }

    /** DKPro's rule (equal disagreements are 0), except that an undefined value is null, never NaN or infinite. */
    static Double agreement(double observed, double expected) {
        if (observed == expected) {
            return 0.0;
        }
        double alpha = 1.0 - observed / expected;
        return expected > 0 && Double.isFinite(alpha) ? alpha : null;
    }

    double observed(String label) {
        return observed(categories.get(label));
    }

    double expected(String label) {
        return expected(categories.get(label));
    }

    private double observed(Category category) {
        return 2.0 * category.squaredDistances / (RATERS * (RATERS - 1) * ((double) continuum * continuum));
    }

    /**
     * DKPro's expected disagreement of a category: for each unit of length l,
     * (N - 1)(2l³ - 3l² + l) / 3 plus l² times the sum of (g - l + 1) over the gaps g ≥ l, summed,
     * times 2 / L, divided by R·L·(R·L - 1) minus the sum of l(l - 1) over the units.
     */
    private double expected(Category category) {
        long length = continuum;
        TreeMap<Long, Long> gaps = new TreeMap<>(category.gapLengths);
        for (long end : category.lastEnd) {
            if (length > end) {
                gaps.merge(length - end, 1L, Long::sum);
            }
        }
        // Gap lengths ascending, with the count and sum of the gaps from each one on.
        long[] gapLength = new long[gaps.size()];
        double[] countFrom = new double[gaps.size() + 1];
        double[] sumFrom = new double[gaps.size() + 1];
        int i = 0;
        for (Map.Entry<Long, Long> gap : gaps.entrySet()) {
            gapLength[i++] = gap.getKey();
        }
        for (Map.Entry<Long, Long> gap : gaps.descendingMap().entrySet()) {
            i--;
            countFrom[i] = countFrom[i + 1] + gap.getValue();
            sumFrom[i] = sumFrom[i + 1] + (double) gap.getKey() * gap.getValue();
        }
        double units = category.unitCount;
        double sum = 0;
        double squaredLengths = 0;
        for (Map.Entry<Long, Long> unit : new TreeMap<>(category.unitLengths).entrySet()) {
            double l = unit.getKey();
            double n = unit.getValue();
            int from = firstAtLeast(gapLength, unit.getKey());
            sum += n * ((units - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0);
            sum += n * l * l * (sumFrom[from] - (l - 1.0) * countFrom[from]);
            squaredLengths += n * l * (l - 1.0);
        }
        return sum * (2.0 / length) / ((double) RATERS * length * ((double) RATERS * length - 1.0) - squaredLengths);
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int i = java.util.Arrays.binarySearch(sorted, value);
        return i >= 0 ? i : -i - 1;
    }

    /** One annotator's spans as DKPro's units: by label and start, overlapping ones of a label merged. */
    static List<Span> units(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::label).thenComparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> units = new ArrayList<>();
        for (Span span : sorted) {
            Span last = units.isEmpty() ? null : units.get(units.size() - 1);
            if (last != null && last.label().equals(span.label()) && span.start() < last.end()) {
                units.set(units.size() - 1, new Span(last.label(), last.start(), Math.max(last.end(), span.end())));
            } else {
                units.add(span);
            }
        }
        return units;
    }

    /** A DKPro study of one article (continuum 0 to its length) with the raters' units. */
    static UnitizingAnnotationStudy study(int length, List<List<Span>> raters) {
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters.size(), 0, length);
        for (int r = 0; r < raters.size(); r++) {
            for (Span unit : raters.get(r)) {
                study.addUnit(unit.start(), unit.end() - unit.start(), r, unit.label());
            }
        }
        return study;
    }

    /** DKPro's observed disagreement, read back as the sum of squared distances it averages. */
    private static final class Observed extends KrippendorffAlphaUnitizingAgreement {

        private final IUnitizingAnnotationStudy study;

        Observed(IUnitizingAnnotationStudy study) {
            super(study);
            this.study = study;
        }

        long squaredDistances(Object category) {
            double length = study.getContinuumLength();
            int raters = study.getRaterCount();
            // The sum is of squared whole numbers; the division DKPro did is undone and rounded.
            return Math.round(calculateObservedCategoryDisagreement(category) * length * length * raters * (raters - 1) / 2.0);
        }
    }
}
