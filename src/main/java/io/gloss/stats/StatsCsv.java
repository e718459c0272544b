package io.gloss.stats;

import io.gloss.dataset.format.CsvWriter;
import io.gloss.stats.ProjectStats.AgreementRow;
import io.gloss.stats.ProjectStats.EditorRow;
import io.gloss.stats.ProjectStats.ReviewerRow;
import io.gloss.stats.ProjectStats.SeriesRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The series and the per-person tables as one CSV (RFC 4180 through commons-csv, as the dataset's
 * {@code spans.csv}): the column {@code table} says which table a row is of (series, editor,
 * reviewer, agreement), and the other columns are those of its JSON row, empty where the table has none.
 * Rows in the JSON's order, so the same figures give the same bytes. A username may start with
 * {@code -} or {@code @}, which a spreadsheet runs as a formula: it is escaped as the dataset's
 * {@code spans.csv} escapes its text cells ({@link CsvWriter#escapeFormula}).
 */
final class StatsCsv {

    static final String[] HEADER = {"table", "bucket", "username", "created", "approved", "rejected", "rejectionRate",
        "decided", "medianDecisionSeconds",
        "alphaU", "articles"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setHeader(HEADER).get();

    private StatsCsv() {
    }

    static String write(ProjectStats stats) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (SeriesRow s : stats.series()) {
                csv.printRecord("series", s.bucket(), null, s.created(), s.approved(), s.rejected(), null, null, null, null, null);
            }
            for (EditorRow e : stats.editors()) {
                csv.printRecord("editor", null, CsvWriter.escapeFormula(e.username()), e.created(), e.approved(), e.rejected(),
                        e.rejectionRate(), null, null, null, null);
            }
            for (ReviewerRow r : stats.reviewers()) {
                csv.printRecord("reviewer", null, CsvWriter.escapeFormula(r.username()), null, null, null, null, r.decided(),
                        r.medianDecisionSeconds(), null, null);
            }
            for (AgreementRow a : stats.agreement()) {
                csv.printRecord("agreement", a.bucket(), null, null, null, null, null, null, null, a.alphaU(), a.articles());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
