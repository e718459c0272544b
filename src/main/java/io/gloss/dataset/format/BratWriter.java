package io.gloss.dataset.format;

import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import io.gloss.text.CodePointText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code brat.zip}: brat standoff, {@code <article id>.txt} (the text, exactly) and
 * {@code <article id>.ann} per article, with {@code annotation.conf} and {@code visual.conf}
 * declaring the label set and the relation types. Per span a {@code T} line, an
 * {@code AnnotatorNotes} line for its note and one for its attribute values; then an {@code R}
 * line a relation and an {@code N} line (brat's normalization) a link to an entity. Offsets count code points, as brat (Python) does; Java readers that
 * count UTF-16 units agree only on texts without astral characters (emoji).
 *
 * <p>A span that crosses line breaks is written as brat itself writes it: one fragment per
 * line ({@code start end;start end}), its text with each run of line breaks shown as a space.
 */
public final class BratWriter implements FormatWriter {

    static final String FILE = "brat.zip";
    /** Every entry gets this time, so that the zip's bytes depend on the data alone. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final HashedFile file;
    private final ZipOutputStream zip;

    public BratWriter(ExportContext context) {
        try {
            file = context.create(FILE);
            zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16), StandardCharsets.UTF_8);
            StringBuilder conf = new StringBuilder("[entities]\n");
            StringBuilder visual = new StringBuilder("[labels]\n");
            StringBuilder drawing = new StringBuilder("[drawing]\n");
            for (ExportContext.LabelInfo label : context.labels()) {
                conf.append(label.key()).append('\n');
                visual.append(label.key()).append(" | ").append(clean(label.name())).append('\n');
                drawing.append(label.key()).append("\tbgColor:").append(label.color()).append('\n');
            }
            conf.append("\n[relations]\n");
            for (ExportContext.RelationTypeInfo type : context.relationTypes()) {
                conf.append(type.key()).append("\tArg1:").append(String.join("|", type.from()))
                        .append(", Arg2:").append(String.join("|", type.to())).append('\n');
                visual.append(type.key()).append(" | ").append(clean(type.name())).append('\n');
            }
            conf.append("\n[events]\n\n[attributes]\n");
            entry("annotation.conf", conf.toString());
            entry("visual.conf", visual.append('\n').append(drawing).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        entry(article.id() + ".txt", article.text().text());
        StringBuilder ann = new StringBuilder();
        Map<Long, String> textIds = new HashMap<>();
        int notes = 0;
        for (int i = 0; i < spans.size(); i++) {
            ExportSpan span = spans.get(i);
            String id = "T" + (i + 1);
            textIds.put(span.id(), id);
            ann.append(id).append('\t').append(span.label()).append(' ')
                    .append(fragments(article.text(), span)).append('\t')
                    .append(span.text().replaceAll("\\R+", " ")).append('\n');
            if (span.note() != null) {
                ann.append('#').append(++notes).append("\tAnnotatorNotes ").append(id).append('\t')
                        .append(clean(span.note())).append('\n');
            }
            if (!span.attributes().isEmpty()) {
                ann.append('#').append(++notes).append("\tAnnotatorNotes ").append(id).append('\t')
                        .append(attributes(span.attributes())).append('\n');
            }
        }
        for (int i = 0; i < relations.size(); i++) {
            ExportRelation relation = relations.get(i);
            ann.append('R').append(i + 1).append('\t').append(relation.type()).append(" Arg1:")
                    .append(textIds.get(relation.from())).append(" Arg2:").append(textIds.get(relation.to())).append('\n');
        }
        int references = 0;
        for (ExportSpan span : spans) {
            if (span.entity() != null) {
                ann.append('N').append(++references).append("\tReference ").append(textIds.get(span.id())).append(' ')
                        .append(EntityReference.brat(span.entity())).append('\t').append(clean(span.entity().name()))
                        .append('\n');
            }
        }
        entry(article.id() + ".ann", ann.toString());
    }

    /** A span's attribute values as one note, {@code figure=3000; unit=casualties}, keys sorted. */
    private static String attributes(Map<String, Object> attributes) {
        List<String> pairs = new ArrayList<>();
        attributes.forEach((key, value) -> pairs.add(key + "="
                + (value instanceof BigDecimal number ? number.toPlainString() : clean((String) value))));
        return String.join("; ", pairs);
    }

    /** {@code start end}, or one pair a line of text joined by {@code ;}, in code points. */
    public static String fragments(CodePointText text, ExportSpan span) {
        List<String> parts = new ArrayList<>();
        int from = -1;
        for (int cp = span.start(); cp < span.end(); cp++) {
            int c = text.text().codePointAt(text.utf16(cp));
            boolean lineBreak = lineBreak(c);
            if (lineBreak && from >= 0) {
                parts.add(from + " " + cp);
                from = -1;
            } else if (!lineBreak && from < 0) {
                from = cp;
            }
        }
        if (from >= 0) {
            parts.add(from + " " + span.end());
        }
        return parts.isEmpty() ? span.start() + " " + span.end() : String.join(";", parts);
    }

    /** A line break, where a span is cut into fragments; {@link BratReader} joins fragments only across these. */
    static boolean lineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** Notes and names on one line: brat's format is line-based. */
    private static String clean(String value) {
        return value.replaceAll("[\\t\\r\\n\\x0B\\f\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private void entry(String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Override
    public List<DatasetFile> finish() throws IOException {
        zip.close();
        return List.of(file.describe());
    }

    @Override
    public void abort() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // the build has failed already; its directory is removed
        }
    }
}
