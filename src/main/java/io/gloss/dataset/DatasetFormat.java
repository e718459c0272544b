package io.gloss.dataset;

import io.gloss.dataset.format.BratWriter;
import io.gloss.dataset.format.ConllWriter;
import io.gloss.dataset.format.CsvWriter;
import io.gloss.dataset.format.ExportContext;
import io.gloss.dataset.format.FormatWriter;
import io.gloss.dataset.format.JsonlWriter;
import io.gloss.dataset.format.W3cWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The export formats, each with its writer and the offset unit its files use (docs/formats.md). */
public enum DatasetFormat {
    JSONL("JSON Lines, one article a line (spaCy, Hugging Face, Prodigy)",
            "Unicode code points, start inclusive, end exclusive: Python's text[start:end]", JsonlWriter::new),
    CONLL("CoNLL-2003 IOB2, one token a line (token classification)",
            "tokens; spans that do not start and end on token boundaries are listed under misaligned", ConllWriter::new),
    BRAT("brat standoff, .txt and .ann per article, zipped (brat, INCEpTION)",
            "Unicode code points into the .txt file, start inclusive, end exclusive, as brat (Python) counts them",
            BratWriter::new),
    W3C("W3C Web Annotation JSON-LD (interchange)",
            "TextPositionSelector start/end in Unicode code points, as the W3C model requires", W3cWriter::new),
    CSV("CSV, one row a span (spreadsheets)",
            "Unicode code points, start inclusive, end exclusive: Python's text[start:end]", CsvWriter::new);

    private final String description;
    private final String offsets;
    private final Function<ExportContext, FormatWriter> factory;

    DatasetFormat(String description, String offsets, Function<ExportContext, FormatWriter> factory) {
        this.description = description;
        this.offsets = offsets;
        this.factory = factory;
    }

    /** The name in the API and the manifest: {@code jsonl}, {@code conll}, {@code brat}, {@code w3c}, {@code csv}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The offset unit of this format's files, stated in the manifest. */
    public String offsets() {
        return offsets;
    }

    public FormatWriter writer(ExportContext context) {
        return factory.apply(context);
    }

    public static Optional<DatasetFormat> parse(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equalsIgnoreCase(key == null ? "" : key.strip())).findFirst();
    }
}
