package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code spans.csv}: one row a span for editors' spreadsheets, quoted as RFC 4180 says
 * (commons-csv), records ended by {@code \n} like every other file of a dataset. Articles
 * without spans have no row; the manifest lists every article of the selection.
 *
 * <p>A text cell starting with {@code = + - @}, tab or CR is a formula to Excel, LibreOffice and
 * Google Sheets, which run it when the file is opened (CSV injection). Unless the definition
 * switches it off, such a cell gets a leading {@code '} as OWASP recommends, and so does a cell
 * that starts with {@code '} itself: then every cell that starts with {@code '} has had exactly
 * one added, and a reader gets the raw value back (and {@code text} equals the article's
 * {@code text[start:end]} again) by dropping it. The manifest says so; the JSON formats keep raw
 * values.
 */
public final class CsvWriter implements FormatWriter {

    static final String FILE = "spans.csv";

    static final String[] HEADER = {"article_id", "article_title", "split", "start", "end", "label", "text",
        "annotator", "reviewer", "status", "note", "annotation_id", "annotators"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n')
            .setHeader(HEADER)
            .get();

    /** What the manifest says about the cells, when they are escaped. */
    static final String ESCAPED = "A text cell that starts with =, +, -, @, tab, CR or ' has a ' added before it, against "
            + "formula injection: drop a leading ' from a text cell to get the raw value (text is then text[start:end]).";

    private final HashedFile file;
    private final CSVPrinter csv;
    private final boolean escapeFormulas;

    public CsvWriter(ExportContext context) {
        escapeFormulas = context.csvEscapeFormulas();
        try {
            file = context.create(FILE);
            csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16), FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        for (ExportSpan span : spans) {
            csv.printRecord(article.id(), cell(article.title()), article.split().key(), span.start(), span.end(),
                    cell(span.label()), cell(span.text()), cell(span.annotator()), cell(span.reviewer()),
                    span.status().name(), cell(span.note()), span.id(), cell(String.join(" ", span.annotators())));
        }
    }

    @Override
    public void describe(JsonGenerator manifest) throws IOException {
        manifest.writeStringField("csvCells", escapeFormulas ? ESCAPED : "Raw: formulas are not escaped.");
    }

    private String cell(String value) {
        return escapeFormulas ? escapeFormula(value) : value;
    }

    /**
     * {@code value} with a leading {@code '} when a spreadsheet would read it as a formula, or when
     * it starts with one; the statistics' CSV escapes its usernames with it too.
     */
    public static String escapeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
            default -> value;
        };
    }

    @Override
    public List<DatasetFile> finish() throws IOException {
        csv.close(true);
        return List.of(file.describe());
    }

    @Override
    public void abort() {
        try {
            csv.close();
        } catch (IOException ignored) {
            // the build has failed already; its directory is removed
        }
    }
}
