package io.gloss.dataset.format;

import io.gloss.text.CodePointText;
import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads back brat standoff as {@link BratWriter} writes it: a zip of {@code <name>.txt} and
 * {@code <name>.ann}. Only {@code T} lines are spans; notes, relations, normalizations and the
 * conf files are not read. Offsets are code points into the {@code .txt}, as the writer counts
 * them. A span the writer cut at line breaks ({@code 36 44;45 52}) is read as the one span it
 * was; fragments with anything but line breaks between them are a discontinuous span, which
 * Gloss cannot hold, and are refused.
 */
public final class BratReader {

    /** A zip larger than this unpacked is refused: a few compressed bytes must not fill the memory. */
    static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

    /** A document: its {@code .txt} and {@code .ann} (either null when the zip lacks it), decoded. */
    public record Document(String name, String text, String ann) {
    }

    /** A {@code T} line: {@code [start, end)} in code points of the {@code .txt}, and the text it covers there. */
    public record Span(String label, int start, int end, String text) {
    }

    private BratReader() {
    }

    /** The zip's documents by name (its path without {@code .txt} / {@code .ann}), sorted; 400 when it is no zip. */
    public static Map<String, Document> documents(byte[] zip) {
        Map<String, String> texts = new TreeMap<>();
        Map<String, String> anns = new TreeMap<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip == null ? new byte[0] : zip), StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                boolean text = name.endsWith(".txt");
                if (entry.isDirectory() || !text && !name.endsWith(".ann")) {
                    continue; // annotation.conf, visual.conf, anything else: not read
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new GlossException(413, "too_large", "The zip unpacks to more than "
                                + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB; import it in several zips.");
                    }
                    content.write(buffer, 0, n);
                }
                (text ? texts : anns).put(name.substring(0, name.length() - 4), decode(name, content.toByteArray()));
            }
        } catch (IOException e) {
            throw notAZip();
        }
        if (texts.isEmpty() && anns.isEmpty()) {
            throw notAZip();
        }
        Map<String, Document> documents = new TreeMap<>();
        texts.forEach((name, text) -> documents.put(name, new Document(name, text, anns.get(name))));
        anns.forEach((name, ann) -> documents.putIfAbsent(name, new Document(name, null, ann)));
        return documents;
    }

    /**
     * The {@code T} lines of {@code ann} against {@code text}; the first bad one is a 400 naming
     * its line and saying what is wrong, since a document is imported whole or not at all.
     */
    public static List<Span> spans(String ann, String text) {
        CodePointText cp = new CodePointText(text);
        List<Span> spans = new ArrayList<>();
        String[] lines = ann.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("T")) {
                try {
                    spans.add(span(lines[i], cp));
                } catch (IllegalArgumentException e) {
                    throw GlossException.badRequest("ann", "line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return spans;
    }

    /** {@code T1<TAB>LABEL start end[;start end…]<TAB>text}. */
    private static Span span(String line, CodePointText text) {
        String[] fields = line.split("\t", -1);
        String[] labelAndPlace = fields.length < 3 ? new String[0] : fields[1].split(" ", 2);
        if (labelAndPlace.length < 2) {
            throw new IllegalArgumentException("a T line is \"T1<tab>LABEL start end<tab>text\".");
        }
        String[] fragments = labelAndPlace[1].split(";");
        int start = -1;
        int end = -1;
        for (String fragment : fragments) {
            String[] pair = fragment.strip().split(" ");
            int from;
            int to;
            try {
                from = Integer.parseInt(pair[0]);
                to = pair.length == 2 ? Integer.parseInt(pair[1]) : -1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + fragment + "\" is not a pair of offsets, start end.");
            }
            if (from < 0 || to <= from || to > text.length()) {
                throw new IllegalArgumentException("[" + fragment + ") is not a span of the .txt (" + text.length()
                        + " code points).");
            }
            if (start >= 0 && (from < end || !text.slice(end, from).chars().allMatch(BratWriter::lineBreak))) {
                throw new IllegalArgumentException("a discontinuous span (" + labelAndPlace[1] + "): Gloss spans are "
                        + "continuous, only fragments split at line breaks are joined.");
            }
            start = start < 0 ? from : start;
            end = to;
        }
        String covered = text.slice(start, end);
        // The writer shows each run of line breaks as one space, as brat does.
        if (!covered.replaceAll("\\R+", " ").equals(fields[2])) {
            throw new IllegalArgumentException("its text \"" + fields[2] + "\" is not the .txt's at [" + start + ", " + end
                    + "). Offsets are Unicode code points.");
        }
        return new Span(labelAndPlace[0], start, end, covered);
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return TextNormalizer.decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new GlossException(400, "not_utf8", name + " is not UTF-8 text. Save it as UTF-8 and import the zip again.");
        }
    }

    private static GlossException notAZip() {
        return GlossException.badRequest("file", "The file is not a zip of brat .txt and .ann files (brat.zip of a Gloss dataset, or brat's own).");
    }
}
