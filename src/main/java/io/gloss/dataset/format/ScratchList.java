package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A list for the manifest that may grow with the data (misaligned spans, article ids per split):
 * kept in a scratch file, one JSON value a line, and copied into the manifest at the end, so
 * that memory stays flat however large the export.
 */
public final class ScratchList implements AutoCloseable {

    /** Writes one JSON value. */
    public interface Item {
        void write(JsonGenerator json) throws IOException;
    }

    private final Path path;
    private final OutputStream out;
    private final JsonGenerator json;
    private long count;

    public ScratchList(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 14);
        this.json = Json.generator(out);
    }

    public void add(Item item) throws IOException {
        item.write(json);
        json.writeRaw('\n');
        count++;
    }

    public void add(long value) throws IOException {
        json.writeNumber(value);
        json.writeRaw('\n');
        count++;
    }

    public long count() {
        return count;
    }

    /** Writes the list as a JSON array into {@code target}. */
    public void copyTo(JsonGenerator target) throws IOException {
        json.flush();
        target.writeStartArray();
        try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                target.writeRawValue(line);
            }
        }
        target.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        json.close();
        out.close();
        Files.deleteIfExists(path);
    }
}
