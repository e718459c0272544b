package io.gloss.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.format.ScratchList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the build handed the writers: articles, spans and relations per split, spans per label, and which
 * article went to which split. The id lists live in scratch files, so that memory does not grow
 * with the number of articles; only the label counts (one per label) are kept here.
 */
final class ExportStats implements AutoCloseable {

    private static final class Counts {
        long articles;
        long spans;
        long relations;
        final Map<String, Long> labels = new TreeMap<>();

        void add(List<ExportSpan> spans, int relations) {
            articles++;
            this.spans += spans.size();
            this.relations += relations;
            for (ExportSpan span : spans) {
                labels.merge(span.label(), 1L, Long::sum);
            }
        }

        void write(JsonGenerator json) throws IOException {
            json.writeNumberField("articles", articles);
            json.writeNumberField("spans", spans);
            json.writeNumberField("relations", relations);
            json.writeObjectFieldStart("labels");
            for (Map.Entry<String, Long> label : labels.entrySet()) {
                json.writeNumberField(label.getKey(), label.getValue());
            }
            json.writeEndObject();
        }
    }

    private final Counts total = new Counts();
    private final Map<Split, Counts> perSplit = new EnumMap<>(Split.class);
    private final Map<Split, ScratchList> ids = new EnumMap<>(Split.class);

    ExportStats(Path directory, List<String> labelKeys) throws IOException {
        for (Split split : Split.values()) {
            Counts counts = new Counts();
            labelKeys.forEach(key -> counts.labels.put(key, 0L));
            perSplit.put(split, counts);
            ids.put(split, new ScratchList(directory.resolve(".scratch-split-" + split.key())));
        }
        labelKeys.forEach(key -> total.labels.put(key, 0L));
    }

    void add(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        total.add(spans, relations.size());
        perSplit.get(article.split()).add(spans, relations.size());
        ids.get(article.split()).add(article.id());
    }

    long articles() {
        return total.articles;
    }

    /** {@code "counts": {articles, spans, relations, labels, splits: {train: {...}, ...}}}. */
    void writeCounts(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("counts");
        total.write(json);
        json.writeObjectFieldStart("splits");
        for (Split split : Split.values()) {
            json.writeObjectFieldStart(split.key());
            perSplit.get(split).write(json);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** {@code "splits": {train: [ids], dev: [ids], test: [ids]}}. */
    void writeSplits(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("splits");
        for (Split split : Split.values()) {
            json.writeFieldName(split.key());
            ids.get(split).copyTo(json);
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        for (ScratchList list : ids.values()) {
            list.close();
        }
    }
}
