package io.gloss.article;

import io.gloss.project.Label;
import io.gloss.text.Offsets;
import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import java.util.Map;

/**
 * A span a pre-annotated file carries, as Gloss' own JSONL export writes it (other keys of the
 * export's spans are ignored): {@code [start, end)} in code points of the text <em>as the file
 * gives it</em>, the label's key, and {@code text}, the exact text it covers.
 */
public record SpanInput(Integer start, Integer end, String label, String text) {

    /**
     * Checks the span against the text as given ({@code raw}) and the project's labels, and
     * returns it placed on the article's normalised text. Refusals are 400s whose message says
     * what is wrong with this span; {@code labels} caches the project's labels for one batch.
     */
    public CheckedSpan check(String raw, Article article, Map<String, Label> labels) {
        Label found = labels.computeIfAbsent(label == null ? "" : label.strip(),
                key -> Label.requireActive(article.project.id, key));
        Offsets.check(raw, Offsets.length(raw), start, end, text);
        int[] at = TextNormalizer.spanAfterNormalizing(raw, article.text, start, end);
        if (at == null) {
            throw GlossException.badRequest("spans", "the span cuts a character in two that Gloss' normalisation "
                    + "(NFC, CR LF to LF) joins; move its edges off it.");
        }
        return new CheckedSpan(found, at[0], at[1], Offsets.slice(article.text, at[0], at[1]));
    }

    /** How a refusal names the span: its position in its list, label and offsets. */
    public String describe(int index) {
        return "Span " + index + " (" + label + " [" + start + ", " + end + "))";
    }
}
