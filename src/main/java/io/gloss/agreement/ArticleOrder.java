package io.gloss.agreement;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The order of the article list: by one measure, the least agreement first, undefined values last. */
public enum ArticleOrder {
    ALPHA_U("alphaU", AgreementReport.ArticleRow::alphaU),
    KAPPA("kappa", AgreementReport.ArticleRow::kappa),
    F1_EXACT("f1Exact", AgreementReport.ArticleRow::f1Exact),
    F1_OVERLAP("f1Overlap", AgreementReport.ArticleRow::f1Overlap);

    public final String key;
    final Comparator<AgreementReport.ArticleRow> comparator;

    ArticleOrder(String key, Function<AgreementReport.ArticleRow, Double> measure) {
        this.key = key;
        this.comparator = Comparator.comparing(measure, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
                .thenComparingLong(AgreementReport.ArticleRow::articleId);
    }

    /** The order named {@code key} (as the measures' JSON names), or null. */
    public static ArticleOrder of(String key) {
        for (ArticleOrder order : values()) {
            if (order.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return order;
            }
        }
        return null;
    }
}
