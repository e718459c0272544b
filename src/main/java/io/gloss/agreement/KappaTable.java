package io.gloss.agreement;

/**
 * Two annotators' categories of the same tokens, counted: the contingency table from which
 * Cohen's (1960) kappa follows, κ = (p_o - p_e) / (1 - p_e), with p_o the share of tokens both put
 * in one category and p_e the sum over categories of the product of their two shares.
 *
 * <p>DKPro's {@code CohenKappaAgreement} computes the same from a study that holds one item per
 * token and walks it item by item (measured: 0.7 s for one table of 7 million tokens, and the
 * agreement needs one table per annotator pair and label); a table holds the same information in
 * a few counters. {@code KappaTableTest} checks that both give the same value, and follows DKPro
 * where κ is undefined: fewer than two categories in use (nothing to agree on) is null, and when
 * p_e is 0 the value is p_o.
 */
final class KappaTable {

    private final long[][] counts;

    /** A table of {@code categories} categories, numbered from 0. */
    KappaTable(int categories) {
        counts = new long[categories][categories];
    }

    void add(int a, int b) {
        counts[a][b]++;
    }

    void add(int a, int b, long times) {
        counts[a][b] += times;
    }

    void addAll(KappaTable other) {
        for (int a = 0; a < counts.length; a++) {
            for (int b = 0; b < counts.length; b++) {
                counts[a][b] += other.counts[a][b];
            }
        }
    }

    /** Cohen's kappa, or null when it is undefined. */
    Double kappa() {
        int n = counts.length;
        long[] rows = new long[n];
        long[] columns = new long[n];
        long total = 0;
        long agreed = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                rows[a] += counts[a][b];
                columns[b] += counts[a][b];
                total += counts[a][b];
            }
            agreed += counts[a][a];
        }
        int used = 0;
        double expected = 0;
        for (int c = 0; c < n; c++) {
            if (rows[c] > 0 || columns[c] > 0) {
                used++;
            }
            expected += ((double) rows[c] / total) * ((double) columns[c] / total);
        }
        if (used < 2) {
            return null;
        }
        double observed = (double) agreed / total;
        return expected == 0.0 ? observed : (observed - expected) / (1.0 - expected);
    }
}
