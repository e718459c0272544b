package io.gloss.dataset.format;

import io.gloss.dataset.ExportSpan;
import io.gloss.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts spans onto tokens as IOB2 tags. IOB2 holds one label per token, so where spans nest or
 * overlap the outermost (then first-starting) span keeps its tokens and the others are
 * reported; a span whose start or end falls inside a token is reported too. Nothing is moved
 * to the nearest token boundary: a reported span is simply not in the CoNLL files.
 */
final class IobTagger {

    /** A span the CoNLL files do not hold, and why. */
    record Rejected(ExportSpan span, String reason) {
    }

    record Result(String[] tags, List<Rejected> misaligned, List<Rejected> overlapping, int written) {
    }

    /** Outermost first: earlier start, then longer, then the usual order. */
    private static final Comparator<ExportSpan> OUTERMOST_FIRST = Comparator.comparingInt(ExportSpan::start)
            .thenComparing(Comparator.comparingInt(ExportSpan::end).reversed())
            .thenComparing(ExportSpan::label).thenComparingLong(ExportSpan::id);

    private IobTagger() {
    }

    static Result tag(Tokenizer.Tokens tokens, List<ExportSpan> spans) {
        String[] tags = new String[tokens.count()];
        ExportSpan[] owner = new ExportSpan[tokens.count()];
        List<Rejected> misaligned = new ArrayList<>();
        List<Rejected> overlapping = new ArrayList<>();
        int written = 0;
        List<ExportSpan> ordered = new ArrayList<>(spans);
        ordered.sort(OUTERMOST_FIRST);
        for (ExportSpan span : ordered) {
            int first = tokens.startingAt(span.start());
            int last = tokens.endingAt(span.end());
            if (first < 0 || last < 0 || last < first) {
                misaligned.add(new Rejected(span, first < 0
                        ? "its start (" + span.start() + ") is not the start of a token"
                        : last < 0 ? "its end (" + span.end() + ") is not the end of a token" : "it covers no token"));
                continue;
            }
            ExportSpan holder = null;
            for (int t = first; t <= last && holder == null; t++) {
                holder = owner[t];
            }
            if (holder != null) {
                overlapping.add(new Rejected(span, "it overlaps annotation " + holder.id() + " (" + holder.label()
                        + ", " + holder.start() + "-" + holder.end() + "), which keeps the tokens"));
                continue;
            }
            for (int t = first; t <= last; t++) {
                owner[t] = span;
                tags[t] = (t == first ? "B-" : "I-") + span.label();
            }
            written++;
        }
        // Report in the usual span order, whatever order they were decided in.
        Comparator<Rejected> order = Comparator.comparing(Rejected::span, ExportSpan.ORDER);
        misaligned.sort(order);
        overlapping.sort(order);
        return new Result(tags, misaligned, overlapping, written);
    }
}
