package io.gloss.agreement;

import java.util.List;
import java.util.Map;

/**
 * The agreement of a project (api.md, {@code GET /api/projects/{id}/agreement}). Every figure is
 * null where it is undefined: no pair of annotators, no span to compare, or a single category in
 * use (everyone marked nothing, or everything alike), never NaN.
 *
 * @param articles articles with at least two annotators who marked them done
 * @param annotators those annotators, by username
 * @param perArticle the articles with the least agreement first (by the requested measure), at most the requested number
 */
public record AgreementReport(long articles, List<String> annotators, Measures overall, Map<String, Measures> perLabel,
        List<Pair> pairs, List<ArticleRow> perArticle) {

    /** The three measures: αu on code points, κ on tokens, F1 of spans (exact, overlap). */
    public record Measures(Double alphaU, Double kappa, Double f1Exact, Double f1Overlap) {
    }

    /** Two annotators over the articles both marked done. */
    public record Pair(String a, String b, long articles, Double alphaU, Double kappa, Double f1Exact, Double f1Overlap) {
    }

    /** One article: αu and κ the means over its pairs, F1 over its pairs (micro), as overall but on this article alone. */
    public record ArticleRow(long articleId, String title, List<String> annotators, Double alphaU, Double kappa,
            Double f1Exact, Double f1Overlap) {
    }
}
