package io.gloss.dataset;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/datasets} body (api.md): {@code projectId, name, format, statuses (default
 * ["APPROVED"]), labels (keys; all when absent), articleIds (all when absent), publishedFrom,
 * publishedTo (ISO dates, inclusive), split {train, dev, test} (default 1/0/0), seed (default 0),
 * csvEscapeFormulas (CSV only, default true)}.
 */
public record DatasetRequest(Long projectId, String name, String format, List<String> statuses, List<String> labels,
        List<Long> articleIds, String publishedFrom, String publishedTo, SplitFractions split, Long seed,
        Boolean csvEscapeFormulas) {

    public record SplitFractions(BigDecimal train, BigDecimal dev, BigDecimal test) {
    }
}
