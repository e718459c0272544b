package io.gloss.dataset.format;

import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
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
 */
public final class CsvWriter implements FormatWriter {

    static final String FILE = "spans.csv";

    static final String[] HEADER = {"article_id", "article_title", "split", "start", "end", "label", "text",
        "annotator", "reviewer", "status", "note", "annotation_id"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n')
            .setHeader(HEADER)
            .get();

    private final HashedFile file;
    private final CSVPrinter csv;

    public CsvWriter(ExportContext context) {
        try {
            file = context.create(FILE);
            csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16), FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans) throws IOException {
        for (ExportSpan span : spans) {
            csv.printRecord(article.id(), article.title(), article.split().key(), span.start(), span.end(), span.label(),
                    span.text(), span.annotator(), span.reviewer(), span.status().name(), span.note(), span.id());
        }
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
