package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import io.gloss.entity.EntityLink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code dataset.jsonl}: one article a line, {@code {"id","text","meta","spans","relations"}},
 * each span with the entity it links to and its attributes, each relation naming its ends by the
 * spans' {@code id}; offsets in code points (Python's {@code text[start:end]}), the spaCy/Prodigy/Hugging Face
 * shape. Keys are written in a fixed order so that the bytes are reproducible.
 */
public final class JsonlWriter implements FormatWriter {

    static final String FILE = "dataset.jsonl";

    private final HashedFile file;
    private final JsonGenerator json;

    public JsonlWriter(ExportContext context) {
        try {
            file = context.create(FILE);
            json = Json.generator(new BufferedOutputStream(file, 1 << 16));
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
        return Json.finish(json, file);
    }

    @Override
    public void abort() {
        Json.abort(json, file);
    }
}
