package io.gloss.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.dataset.format.ExportContext;
import io.gloss.dataset.format.FormatWriter;
import io.gloss.dataset.format.HashedFile;
import io.gloss.dataset.format.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code manifest.json}, written last from what the build and the writers counted. It holds
 * nothing that differs between two builds of one definition on unchanged data (no dataset id,
 * no time, no user), so it is reproducible byte for byte like the data files it describes.
 */
final class ManifestWriter {

    static final String FILE = "manifest.json";

    private ManifestWriter() {
    }

    /** Writes the manifest and returns it as a file of the dataset (name, bytes, hash). */
    static DatasetFile write(ExportContext context, String glossVersion, DatasetDefinition definition, ExportStats stats,
            FormatWriter writer, List<DatasetFile> files) throws IOException {
        HashedFile file = context.create(FILE);
        try (OutputStream out = new BufferedOutputStream(file, 1 << 16); JsonGenerator json = Json.generator(out)) {
            // Pretty, with \n whatever the platform's line separator.
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            json.writeStartObject();
            json.writeStringField("gloss", glossVersion);
            definition(json, definition);
            json.writeStringField("offsets", definition.format().offsets());
            json.writeArrayFieldStart("labels");
            for (ExportContext.LabelInfo label : context.labels()) {
                json.writeStartObject();
                json.writeStringField("key", label.key());
                json.writeStringField("name", label.name());
                json.writeStringField("color", label.color());
                json.writeEndObject();
            }
            json.writeEndArray();
            stats.writeCounts(json);
            writer.describe(json);
            json.writeFieldName("misaligned");
            writer.misaligned(json);
            stats.writeSplits(json);
            json.writeArrayFieldStart("files");
            for (DatasetFile f : files) {
                json.writeStartObject();
                json.writeStringField("name", f.name);
                json.writeNumberField("bytes", f.bytes);
                json.writeStringField("sha256", f.sha256);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return file.describe();
    }

    private static void definition(JsonGenerator json, DatasetDefinition d) throws IOException {
        json.writeObjectFieldStart("definition");
        json.writeNumberField("projectId", d.projectId());
        json.writeStringField("name", d.name());
        json.writeStringField("format", d.format().key());
        json.writeArrayFieldStart("statuses");
        for (AnnotationStatus status : d.statuses()) {
            json.writeString(status.name());
        }
        json.writeEndArray();
        if (d.labels() == null) {
            json.writeNullField("labels");
        } else {
            json.writeArrayFieldStart("labels");
            for (String label : d.labels()) {
                json.writeString(label);
            }
            json.writeEndArray();
        }
        if (d.articleIds() == null) {
            json.writeNullField("articleIds");
        } else {
            json.writeArrayFieldStart("articleIds");
            for (Long id : d.articleIds()) {
                json.writeNumber(id);
            }
            json.writeEndArray();
        }
        json.writeStringField("publishedFrom", d.publishedFrom());
        json.writeStringField("publishedTo", d.publishedTo());
        json.writeObjectFieldStart("split");
        json.writeNumberField("train", d.split().train());
        json.writeNumberField("dev", d.split().dev());
        json.writeNumberField("test", d.split().test());
        json.writeEndObject();
        json.writeNumberField("seed", d.split().seed());
        if (d.format() == DatasetFormat.CSV) {
            json.writeBooleanField("csvEscapeFormulas", d.csvEscapeFormulas());
        }
        json.writeEndObject();
    }
}
