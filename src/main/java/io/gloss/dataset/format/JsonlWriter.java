package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import io.gloss.dataset.Split;
import io.gloss.dataset.format.HuggingFaceCard.ClassLabel;
import io.gloss.dataset.format.HuggingFaceCard.Field;
import io.gloss.dataset.format.HuggingFaceCard.ListOf;
import io.gloss.dataset.format.HuggingFaceCard.Sequence;
import io.gloss.dataset.format.HuggingFaceCard.SplitFile;
import io.gloss.dataset.format.HuggingFaceCard.Struct;
import io.gloss.dataset.format.HuggingFaceCard.Value;
import io.gloss.entity.EntityLink;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code dataset.jsonl}: one article a line, {@code {"id","text","meta","spans","relations"}},
 * each span with the entity it links to and its attributes, each relation naming its ends by the
 * spans' {@code id}; offsets in code points (Python's {@code text[start:end]}), the spaCy/Prodigy/Hugging Face
 * shape. Keys are written in a fixed order so that the bytes are reproducible. Each line is also
 * written to its split's file ({@code train.jsonl}, {@code validation.jsonl}, {@code test.jsonl})
 * and a {@link HuggingFaceCard} declares them, so that the folder loads with Hugging Face's
 * {@code load_dataset} into its splits, span labels as {@code ClassLabel}s.
 */
public final class JsonlWriter implements FormatWriter {

    static final String FILE = "dataset.jsonl";

    private final ExportContext context;
    private final HashedFile file;
    private final OutputStream all;
    private final Map<Split, HashedFile> splitFiles = new EnumMap<>(Split.class);
    private final Map<Split, OutputStream> splitOuts = new EnumMap<>(Split.class);
    private final Map<Split, Long> records = new EnumMap<>(Split.class);
    /** One line, written to both files once it is complete. */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 16);
    private final JsonGenerator json;
    /** Every attribute key met, and whether all its values were numbers: the card's {@code attributes} struct. */
    private final Map<String, Boolean> attributeNumbers = new TreeMap<>();

    public JsonlWriter(ExportContext context) {
        this.context = context;
        try {
            file = context.create(FILE);
            all = new BufferedOutputStream(file, 1 << 16);
            for (Split split : context.splits()) {
                HashedFile splitFile = context.create(HuggingFaceCard.splitFile(split));
                splitFiles.put(split, splitFile);
                splitOuts.put(split, new BufferedOutputStream(splitFile, 1 << 16));
                records.put(split, 0L);
            }
            json = Json.generator(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", article.id());
        json.writeStringField("text", article.text().text());
        json.writeObjectFieldStart("meta");
        json.writeStringField("title", article.title());
        json.writeStringField("source", article.source());
        json.writeStringField("url", article.url());
        json.writeStringField("published", article.published());
        json.writeStringField("split", article.split().key());
        json.writeEndObject();
        json.writeArrayFieldStart("spans");
        for (ExportSpan span : spans) {
            json.writeStartObject();
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
            json.writeStringField("label", span.label());
            json.writeStringField("text", span.text());
            entity(span.entity());
            json.writeFieldName("attributes");
            Json.attributes(json, span.attributes());
            json.writeStringField("annotator", span.annotator());
            json.writeArrayFieldStart("annotators");
            for (String annotator : span.annotators()) {
                json.writeString(annotator);
            }
            json.writeEndArray();
            json.writeStringField("reviewer", span.reviewer());
            json.writeStringField("note", span.note());
            json.writeNumberField("id", span.id());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("relations");
        for (ExportRelation relation : relations) {
            json.writeStartObject();
            json.writeNumberField("id", relation.id());
            json.writeStringField("type", relation.type());
            json.writeNumberField("from", relation.from());
            json.writeNumberField("to", relation.to());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
        line.writeTo(all);
        line.writeTo(splitOuts.get(article.split()));
        line.reset();
        records.merge(article.split(), 1L, Long::sum);
        for (ExportSpan span : spans) {
            span.attributes().forEach((key, value) -> attributeNumbers.merge(key, value instanceof BigDecimal, Boolean::logicalAnd));
        }
    }

    /** {@code "entity": {"id","name","qid"}}, {@code qid} null without one; null when the span links to none. */
    private void entity(EntityLink entity) throws IOException {
        if (entity == null) {
            json.writeNullField("entity");
            return;
        }
        json.writeObjectFieldStart("entity");
        json.writeNumberField("id", entity.id());
        json.writeStringField("name", entity.name());
        json.writeStringField("qid", entity.qid());
        json.writeEndObject();
    }

    @Override
    public List<DatasetFile> finish() throws IOException {
        json.close();
        all.close();
        List<DatasetFile> files = new ArrayList<>(List.of(file.describe()));
        List<SplitFile> splits = new ArrayList<>();
        for (Map.Entry<Split, OutputStream> split : splitOuts.entrySet()) {
            split.getValue().close();
            files.add(splitFiles.get(split.getKey()).describe());
            splits.add(new SplitFile(split.getKey(), HuggingFaceCard.splitFile(split.getKey()), records.get(split.getKey())));
        }
        files.add(HuggingFaceCard.write(context, "Gloss spans", features(), splits, card(splits)));
        return files;
    }

    /** Every column of a line, nullable ones included (all are: Arrow's values may be null). */
    private List<Field> features() {
        List<Field> attributes = new ArrayList<>();
        attributeNumbers.forEach((key, numbers) -> attributes.add(new Field(key, new Value(numbers ? "float64" : "string"))));
        Struct span = new Struct(List.of(
                new Field("start", new Value("int64")), new Field("end", new Value("int64")),
                new Field("label", new ClassLabel(HuggingFaceCard.labelKeys(context))), new Field("text", new Value("string")),
                new Field("entity", new Struct(List.of(new Field("id", new Value("int64")), new Field("name", new Value("string")),
                        new Field("qid", new Value("string"))))),
                new Field("attributes", new Struct(attributes)), new Field("annotator", new Value("string")),
                new Field("annotators", new Sequence(new Value("string"))), new Field("reviewer", new Value("string")),
                new Field("note", new Value("string")), new Field("id", new Value("int64"))));
        Struct relation = new Struct(List.of(new Field("id", new Value("int64")), new Field("type", new Value("string")),
                new Field("from", new Value("int64")), new Field("to", new Value("int64"))));
        Struct meta = new Struct(List.of(new Field("title", new Value("string")), new Field("source", new Value("string")),
                new Field("url", new Value("string")), new Field("published", new Value("string")),
                new Field("split", new Value("string"))));
        return List.of(new Field("id", new Value("int64")), new Field("text", new Value("string")), new Field("meta", meta),
                new Field("spans", new ListOf(span)), new Field("relations", new ListOf(relation)));
    }

    private String card(List<SplitFile> splits) {
        List<String> labels = HuggingFaceCard.labelKeys(context);
        return """
                # Gloss spans

                Articles with their annotated spans, exported by Gloss: one article a line, the same lines as
                `dataset.jsonl`, one file a split.

                ```python
                from datasets import load_dataset
                ds = load_dataset("path/to/this/folder")
                labels = [%s]  # a span's label is a class id into this list
                example = ds["train"][0]
                for span in example["spans"]:
                    assert example["text"][span["start"]:span["end"]] == span["text"]  # offsets are code points
                    print(labels[span["label"]], span["text"])
                ```

                Offsets count Unicode code points, start inclusive, end exclusive: Python's `text[start:end]`.
                `manifest.json` describes the selection, the splits and the hashes of every file.

                %s""".formatted(String.join(", ", labels.stream().map(HuggingFaceCard::quote).toList()),
                HuggingFaceCard.splitTable(splits, "articles"));
    }

    @Override
    public void abort() {
        Json.abort(json, file);
        for (OutputStream out : splitOuts.values()) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the build has failed already; its directory is removed
            }
        }
    }
}
