package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import io.gloss.text.CodePointText;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code annotations.jsonld}: a JSON array of W3C Web Annotations, one a line, each complete in
 * itself ({@code @context} included) so that tools can import them one by one. The target
 * carries a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector whose start
 * and end count code points, as the Web Annotation model requires. A span's linked entity is an
 * {@code identifying} body (its Wikidata IRI, else {@code urn:gloss:entity:<id>}), its attribute
 * values a {@code describing} JSON body; each relation follows its article's spans as an annotation
 * of its own, motivated by {@code linking}, targeting both spans' annotations.
 */
public final class W3cWriter implements FormatWriter {

    static final String FILE = "annotations.jsonld";
    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    /** A span's annotation id, followed by the span's id; relations target spans by it. */
    static final String ANNOTATION = "urn:gloss:annotation:";
    /** Code points of context kept on each side in the TextQuoteSelector. */
    static final int AFFIX = 32;

    private final HashedFile file;
    private final JsonGenerator json;
    private boolean first = true;

    public W3cWriter(ExportContext context) {
        try {
            file = context.create(FILE);
            json = Json.generator(new BufferedOutputStream(file, 1 << 16));
            json.writeRaw("[\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        String source = article.url() == null || article.url().isBlank() ? "urn:gloss:article:" + article.id() : article.url();
        for (ExportSpan span : spans) {
            next();
            annotation(article, span, source);
        }
        for (ExportRelation relation : relations) {
            next();
            relation(relation);
        }
    }

    private void next() throws IOException {
        if (!first) {
            json.writeRaw(",\n");
        }
        first = false;
    }

    /**
     * A relation as an annotation of its own, motivated by {@code linking}: its type the tagging
     * body, its targets the two spans' annotations, from first, to second.
     */
    private void relation(ExportRelation relation) throws IOException {
        json.writeStartObject();
        json.writeStringField("@context", CONTEXT);
        json.writeStringField("id", "urn:gloss:relation:" + relation.id());
        json.writeStringField("type", "Annotation");
        json.writeStringField("motivation", "linking");
        json.writeObjectFieldStart("body");
        json.writeStringField("type", "TextualBody");
        json.writeStringField("value", relation.type());
        json.writeStringField("purpose", "tagging");
        json.writeEndObject();
        json.writeArrayFieldStart("target");
        json.writeString(ANNOTATION + relation.from());
        json.writeString(ANNOTATION + relation.to());
        json.writeEndArray();
        json.writeEndObject();
    }

    private void annotation(ExportArticle article, ExportSpan span, String source) throws IOException {
        json.writeStartObject();
        json.writeStringField("@context", CONTEXT);
        json.writeStringField("id", ANNOTATION + span.id());
        json.writeStringField("type", "Annotation");
        json.writeStringField("motivation", "tagging");
        // One creator is an object; a curated span that several annotators gave lists them all.
        json.writeFieldName("creator");
        if (span.annotators().size() > 1) {
            json.writeStartArray();
        }
        for (String annotator : span.annotators()) {
            json.writeStartObject();
            json.writeStringField("id", "urn:gloss:user:" + URLEncoder.encode(annotator, StandardCharsets.UTF_8));
            json.writeStringField("type", "Person");
            json.writeStringField("nickname", annotator);
            json.writeEndObject();
        }
        if (span.annotators().size() > 1) {
            json.writeEndArray();
        }
        json.writeStringField("created", DateTimeFormatter.ISO_INSTANT.format(span.created()));
        // A note, the linked entity and the attribute values ride along as further bodies; without
        // any, the body is the tag alone.
        boolean several = span.note() != null || span.entity() != null || !span.attributes().isEmpty();
        json.writeFieldName("body");
        if (several) {
            json.writeStartArray();
        }
        tag(span);
        if (span.note() != null) {
            json.writeStartObject();
            json.writeStringField("type", "TextualBody");
            json.writeStringField("value", span.note());
            json.writeStringField("purpose", "commenting");
            json.writeEndObject();
        }
        if (span.entity() != null) {
            json.writeStartObject();
            json.writeStringField("type", "SpecificResource");
            json.writeStringField("source", EntityReference.iri(span.entity()));
            json.writeStringField("purpose", "identifying");
            json.writeEndObject();
        }
        if (!span.attributes().isEmpty()) {
            json.writeStartObject();
            json.writeStringField("type", "TextualBody");
            json.writeStringField("value", attributes(span));
            json.writeStringField("format", "application/json");
            json.writeStringField("purpose", "describing");
            json.writeEndObject();
        }
        if (several) {
            json.writeEndArray();
        }
        json.writeObjectFieldStart("target");
        json.writeStringField("source", source);
        json.writeArrayFieldStart("selector");
        json.writeStartObject();
        json.writeStringField("type", "TextQuoteSelector");
        json.writeStringField("exact", span.text());
        CodePointText text = article.text();
        if (span.start() > 0) {
            json.writeStringField("prefix", text.slice(Math.max(0, span.start() - AFFIX), span.start()));
        }
        if (span.end() < text.length()) {
            json.writeStringField("suffix", text.slice(span.end(), Math.min(text.length(), span.end() + AFFIX)));
        }
        json.writeEndObject();
        json.writeStartObject();
        json.writeStringField("type", "TextPositionSelector");
        json.writeNumberField("start", span.start());
        json.writeNumberField("end", span.end());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The attribute values as JSON text, as the JSONL file writes them. */
    private static String attributes(ExportSpan span) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator values = Json.generator(out)) {
            Json.attributes(values, span.attributes());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void tag(ExportSpan span) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "TextualBody");
        json.writeStringField("value", span.label());
        json.writeStringField("purpose", "tagging");
        json.writeEndObject();
    }

    @Override
    public List<DatasetFile> finish() throws IOException {
        json.writeRaw(first ? "]\n" : "\n]\n");
        return Json.finish(json, file);
    }

    @Override
    public void abort() {
        Json.abort(json, file);
    }
}
