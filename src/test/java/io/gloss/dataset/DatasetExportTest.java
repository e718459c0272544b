package io.gloss.dataset;

import static io.gloss.dataset.ExportFixture.built;
import static io.gloss.dataset.ExportFixture.download;
import static io.gloss.dataset.ExportFixture.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every format, re-read from its files: each span's text is the article's text at its offsets
 * (code points), on the shared corpus and on texts with emoji, combining marks, CRLF input and
 * right-to-left script; same definition, same bytes; approved only by default.
 */
@QuarkusTest
@TestSecurity(user = "ds-reviewer", roles = "reviewer")
class DatasetExportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExportFixture fx;

    long projectId;
    List<Long> articleIds;
    long emptyArticle;
    /** Approved, live annotation id → its label, for comparison with what the files say. */
    Map<Long, String> approved = new HashMap<>();
    Set<Long> notApproved = new HashSet<>();
    long misaligned;
    long withNote;

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("ds-reviewer");
        articleIds = new ArrayList<>(fx.articles(projectId, true, ExportFixture.TRICKY));
        emptyArticle = fx.article(projectId, "Nothing to tag", "No names here, only weather.");
        articleIds.add(emptyArticle);
        for (long articleId : articleIds) {
            for (long id : fx.tagAll(projectId, articleId, "APPROVED", "fx-editor")) {
                approved.put(id, null);
            }
        }
        long tricky = articleIds.get(articleIds.size() - 1 - ExportFixture.TRICKY.size());
        String text = fx.text(tricky);
        int zelensky = text.codePointCount(0, text.indexOf("Zelensky"));
        // Inside a word: fine for offset formats, misaligned for CoNLL.
        misaligned = fx.insert(projectId, tricky, "ACTOR", zelensky, zelensky + 5, "Zelen", "APPROVED", "fx-editor2",
                "fx-reviewer", null);
        approved.put(misaligned, null);
        withNote = fx.insert(projectId, tricky, "CLAIM", zelensky, zelensky + 8, "Zelensky", "APPROVED", "fx-editor2",
                "fx-reviewer", "Said twice,\nsee\tthe video");
        approved.put(withNote, null);
        // Never in an approved-only dataset: pending, rejected, and a deleted approved one.
        notApproved.add(fx.insert(projectId, tricky, "LOCATION", zelensky, zelensky + 8, "Zelensky", "SUBMITTED",
                "fx-editor", null, null));
        notApproved.add(fx.insert(projectId, tricky, "CLAIM", 0, 1, slice(text, 0, 1), "REJECTED", "fx-editor",
                "fx-reviewer", null));
        long deleted = fx.insert(projectId, tricky, "LOCATION", 0, 2, slice(text, 0, 2), "APPROVED", "fx-editor",
                "fx-reviewer", null);
        fx.execute("update annotation set deleted_at = created_at where id = ?", deleted);
        notApproved.add(deleted);
    }

    Map<String, Object> definition(String format) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("projectId", projectId);
        d.put("name", "Export " + format);
        d.put("format", format);
        d.put("split", Map.of("train", 0.5, "dev", 0.25, "test", 0.25));
        d.put("seed", 11);
        return d;
    }

    JsonNode manifest(JsonPath dataset) throws IOException {
        return JSON.readTree(download(dataset.getLong("id"), "manifest.json"));
    }

    Map<Long, String> splitsOf(JsonNode manifest) {
        Map<Long, String> splits = new TreeMap<>();
        manifest.get("splits").fields().forEachRemaining(e -> e.getValue().forEach(id -> splits.put(id.asLong(), e.getKey())));
        return splits;
    }

    @Test
    void jsonlParsedBackWithJacksonReslicesEverySpan() throws IOException {
        JsonPath dataset = built(definition("jsonl"));
        JsonNode manifest = manifest(dataset);
        Map<Long, String> splits = splitsOf(manifest);
        String[] lines = new String(download(dataset.getLong("id"), "dataset.jsonl"), StandardCharsets.UTF_8).split("\n", -1);
        assertEquals("", lines[lines.length - 1], "every line ends with \\n");
        List<Long> seenArticles = new ArrayList<>();
        Set<Long> seenSpans = new HashSet<>();
        for (int i = 0; i < lines.length - 1; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            assertEquals(List.of("id", "text", "meta", "spans", "relations"), fieldNames(line), "fixed key order");
            long id = line.get("id").asLong();
            seenArticles.add(id);
            String text = line.get("text").asText();
            assertEquals(fx.text(id), text);
            assertEquals(splits.get(id), line.get("meta").get("split").asText());
            assertTrue(line.get("relations").isArray() && line.get("relations").isEmpty());
            for (JsonNode span : line.get("spans")) {
                int start = span.get("start").asInt();
                int end = span.get("end").asInt();
                assertEquals(slice(text, start, end), span.get("text").asText(), "Python's text[start:end]");
                assertTrue(span.get("entity").isNull());
                assertEquals("fx-reviewer", span.get("reviewer").asText());
                assertTrue(seenSpans.add(span.get("id").asLong()));
            }
        }
        assertEquals(articleIds.stream().sorted().toList(), seenArticles, "every article once, in id order, spans or not");
        assertEquals(approved.keySet(), seenSpans, "exactly the approved, live annotations");
        assertEquals(approved.size(), manifest.get("counts").get("spans").asInt());
        assertEquals(articleIds.size(), manifest.get("counts").get("articles").asInt());
        assertTrue(manifest.get("offsets").asText().contains("code points"));
        assertTrue(manifest.get("misaligned").isEmpty());
    }

    @Test
    void unicodeLineBreaksInTextsAndNotesNeverCutAJsonLine() throws Exception {
        long nel = fx.article(projectId, "Next line", "Zelensky\u0085spoke in Kyiv.\u2028Kursk\u2029next.");
        fx.insert(projectId, nel, "ACTOR", 0, 9, "Zelensky\u0085", "APPROVED", "fx-editor2", "fx-reviewer", "a\u0085b");
        JsonPath dataset = built(definition("jsonl"));
        String jsonl = new String(download(dataset.getLong("id"), "dataset.jsonl"), StandardCharsets.UTF_8);
        List<String> lines = splitlines(jsonl);
        assertEquals(articleIds.size() + 1, lines.size(), "one line per article, as Python's str.splitlines() cuts them");
        JsonNode record = JSON.readTree(lines.stream().filter(l -> l.contains("Next line")).findFirst().orElseThrow());
        assertEquals(fx.text(nel), record.get("text").asText());
        assertEquals("a\u0085b", record.get("spans").get(0).get("note").asText());
        assertTrue(jsonl.contains("\\u0085") && !jsonl.contains("\u0085"), "NEL escaped, never raw");
    }

    /** Python's {@code str.splitlines()}: the line breaks it knows, {@code \r\n} as one. */
    static List<String> splitlines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028
                    || c == 0x2029) {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    @Test
    void csvRowsResliceToTheArticleText() throws IOException {
        JsonPath dataset = built(definition("csv"));
        Map<Long, String> splits = splitsOf(manifest(dataset));
        String csv = new String(download(dataset.getLong("id"), "spans.csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains("\r\n"), "records end with \\n");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        Set<Long> seen = new HashSet<>();
        for (CSVRecord row : records) {
            long article = Long.parseLong(row.get("article_id"));
            String text = fx.text(article);
            assertEquals(slice(text, Integer.parseInt(row.get("start")), Integer.parseInt(row.get("end"))), row.get("text"));
            assertEquals("APPROVED", row.get("status"));
            assertEquals(splits.get(article), row.get("split"));
            seen.add(Long.parseLong(row.get("annotation_id")));
            if (Long.parseLong(row.get("annotation_id")) == withNote) {
                assertEquals("Said twice,\nsee\tthe video", row.get("note"), "quoted, newline and tab kept");
            }
        }
        assertEquals(approved.keySet(), seen);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreEscapedUnlessSwitchedOffAndTheRawValueIsOneQuoteAway() throws Exception {
        String text = "=HYPERLINK(\"http://evil\") +1 -2 @SUM(A1) 'quoted\tTab plain";
        long article = fx.article(projectId, "=cmd|' /C calc'!A0", text);
        Map<Long, String> raw = new HashMap<>();
        for (String quote : List.of("=HYPERLINK", "+1", "-2", "@SUM", "'quoted", "\tTab", "plain")) {
            int start = text.codePointCount(0, text.indexOf(quote));
            raw.put(fx.insert(projectId, article, "CLAIM", start, start + quote.codePointCount(0, quote.length()), quote,
                    "APPROVED", "fx-editor", "fx-reviewer", "@note"), quote);
        }
        Map<String, Object> definition = definition("csv");
        definition.put("articleIds", List.of(article));

        JsonPath escaped = built(definition);
        JsonNode manifest = manifest(escaped);
        assertTrue(manifest.get("definition").get("csvEscapeFormulas").asBoolean(), "on by default");
        assertTrue(manifest.get("csvCells").asText().contains("drop a leading '"), manifest.toString());
        for (CSVRecord row : csvRows(escaped)) {
            String quote = raw.get(Long.parseLong(row.get("annotation_id")));
            assertEquals(quote.equals("plain") ? quote : "'" + quote, row.get("text"));
            assertEquals("'=cmd|' /C calc'!A0", row.get("article_title"));
            assertEquals("'@note", row.get("note"));
            // The documented way back: drop one leading quote, and the text is the article's text[start:end] again.
            assertEquals(slice(text, Integer.parseInt(row.get("start")), Integer.parseInt(row.get("end"))),
                    row.get("text").startsWith("'") ? row.get("text").substring(1) : row.get("text"));
        }

        definition.put("csvEscapeFormulas", false);
        JsonPath plain = built(definition);
        assertFalse(manifest(plain).get("definition").get("csvEscapeFormulas").asBoolean());
        List<CSVRecord> rows = csvRows(plain);
        assertEquals(raw.size(), rows.size());
        for (CSVRecord row : rows) {
            assertEquals(raw.get(Long.parseLong(row.get("annotation_id"))), row.get("text"), "switched off: raw");
        }
        // The JSON formats keep the raw values whatever the switch says.
        definition.put("format", "jsonl");
        definition.put("csvEscapeFormulas", true);
        String jsonl = new String(download(built(definition).getLong("id"), "dataset.jsonl"), StandardCharsets.UTF_8);
        assertTrue(jsonl.contains("\"text\":\"=HYPERLINK") && jsonl.contains("\"note\":\"@note\""), jsonl);
    }

    List<CSVRecord> csvRows(JsonPath dataset) throws IOException {
        String csv = new String(download(dataset.getLong("id"), "spans.csv"), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void w3cAnnotationsHaveTheRequiredKeysAndCodePointPositions() throws IOException {
        JsonPath dataset = built(definition("w3c"));
        JsonNode annotations = JSON.readTree(download(dataset.getLong("id"), "annotations.jsonld"));
        assertTrue(annotations.isArray());
        Set<Long> seen = new HashSet<>();
        for (JsonNode a : annotations) {
            assertEquals("http://www.w3.org/ns/anno.jsonld", a.get("@context").asText());
            assertEquals("Annotation", a.get("type").asText());
            assertTrue(a.get("id").asText().startsWith("urn:gloss:annotation:"));
            assertEquals("Person", a.get("creator").get("type").asText());
            assertTrue(a.get("created").asText().endsWith("Z"));
            JsonNode tag = a.get("body").isArray() ? a.get("body").get(0) : a.get("body");
            assertEquals("TextualBody", tag.get("type").asText());
            assertEquals("tagging", tag.get("purpose").asText());
            long id = Long.parseLong(a.get("id").asText().substring("urn:gloss:annotation:".length()));
            seen.add(id);
            assertTrue(a.get("target").get("source").asText().startsWith("urn:gloss:article:"));
            long article = Long.parseLong(a.get("target").get("source").asText().substring("urn:gloss:article:".length()));
            String text = fx.text(article);
            JsonNode quote = a.get("target").get("selector").get(0);
            JsonNode position = a.get("target").get("selector").get(1);
            assertEquals("TextQuoteSelector", quote.get("type").asText());
            assertEquals("TextPositionSelector", position.get("type").asText());
            int start = position.get("start").asInt();
            int end = position.get("end").asInt();
            assertEquals(slice(text, start, end), quote.get("exact").asText(), "positions count code points");
            String prefix = quote.path("prefix").asText("");
            String suffix = quote.path("suffix").asText("");
            assertEquals(slice(text, start - prefix.codePointCount(0, prefix.length()), start), prefix);
            assertEquals(slice(text, end, end + suffix.codePointCount(0, suffix.length())), suffix);
            if (id == withNote) {
                assertEquals("commenting", a.get("body").get(1).get("purpose").asText());
            }
        }
        assertEquals(approved.keySet(), seen);
    }

    @Test
    void bratZipHoldsEachTextItsAnnotationsAndTheLabelSet() throws IOException {
        JsonPath dataset = built(definition("brat"));
        Map<String, String> entries = unzip(download(dataset.getLong("id"), "brat.zip"));
        assertTrue(entries.get("annotation.conf").startsWith("[entities]\nCLAIM\nACTOR\nLOCATION\n"));
        for (long article : articleIds) {
            String text = entries.get(article + ".txt");
            assertEquals(fx.text(article), text, "the .txt is the article text, exactly");
            String ann = entries.get(article + ".ann");
            for (String line : ann.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    assertTrue(line.isEmpty() || line.matches("#\\d+\tAnnotatorNotes T\\d+\t[^\t\n]+"), line);
                    continue;
                }
                String[] fields = line.split("\t", -1);
                String[] typeAndOffsets = fields[1].split(" ", 2);
                List<String> pieces = new ArrayList<>();
                for (String fragment : typeAndOffsets[1].split(";")) {
                    String[] startEnd = fragment.split(" ");
                    pieces.add(slice(text, Integer.parseInt(startEnd[0]), Integer.parseInt(startEnd[1])));
                }
                assertEquals(String.join(" ", pieces), fields[2], "brat offsets are code points");
            }
        }
        long total = 0;
        for (String name : entries.keySet()) {
            if (name.endsWith(".ann")) {
                total += entries.get(name).lines().filter(l -> l.startsWith("T")).count();
            }
        }
        assertEquals(approved.size(), total);
        assertTrue(entries.get(emptyArticle + ".ann").isEmpty(), "an article without spans still has its files");
        String notes = String.join("\n", entries.values());
        assertTrue(notes.contains("\tAnnotatorNotes T"), "the note is there, on one line");
        assertTrue(notes.contains("Said twice, see the video"));
    }

    @Test
    void conllTokensCoverTheTextAndMisalignedOrOverlappingSpansAreListed() throws IOException {
        JsonPath dataset = built(definition("conll"));
        JsonNode manifest = manifest(dataset);
        assertTrue(manifest.get("tokenizer").get("name").asText().contains("BreakIterator"));
        Set<Long> listed = new HashSet<>();
        manifest.get("misaligned").forEach(m -> listed.add(m.get("annotation").asLong()));
        assertTrue(listed.contains(misaligned), "a span inside a word is listed, not moved");
        manifest.get("overlapping").forEach(m -> assertTrue(listed.add(m.get("annotation").asLong()), "listed once"));
        int written = manifest.get("conll").get("spansWritten").asInt();
        assertEquals(approved.size(), written + listed.size(), "every span is written or listed");

        Map<Long, String> splits = splitsOf(manifest);
        Map<String, List<String>> documentsBySplit = new TreeMap<>();
        int entities = 0;
        for (String split : List.of("train", "dev", "test")) {
            String conll = new String(download(dataset.getLong("id"), split + ".conll"), StandardCharsets.UTF_8);
            List<String> documents = new ArrayList<>(List.of(conll.split("-DOCSTART- -X- O O\n\n", -1)));
            assertEquals("", documents.remove(0));
            documentsBySplit.put(split, documents);
            for (String line : conll.split("\n")) {
                if (!line.isEmpty()) {
                    String[] columns = line.split(" ");
                    assertEquals(4, columns.length, () -> "four columns: " + line);
                    assertTrue(columns[3].matches("O|[BI]-(CLAIM|ACTOR|LOCATION)"), line);
                    entities += columns[3].startsWith("B-") ? 1 : 0;
                }
            }
        }
        assertEquals(written, entities);
        // Articles in id order within their split; the tokens are the text without its whitespace.
        Map<String, Integer> next = new HashMap<>();
        for (long article : articleIds.stream().sorted().toList()) {
            String split = splits.get(article);
            String document = documentsBySplit.get(split).get(next.merge(split, 1, Integer::sum) - 1);
            StringBuilder tokens = new StringBuilder();
            document.lines().filter(l -> !l.isEmpty()).forEach(l -> tokens.append(l.substring(0, l.indexOf(' '))));
            assertEquals(fx.text(article).replaceAll("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]", ""),
                    tokens.toString());
        }
    }

    @Test
    void everyFormatIsByteIdenticalWhenBuiltTwice() throws Exception {
        for (String format : List.of("jsonl", "conll", "brat", "w3c", "csv")) {
            JsonPath first = built(definition(format));
            JsonPath second = built(definition(format));
            assertNotEquals(first.getLong("id"), second.getLong("id"));
            List<String> names = first.getList("files.name", String.class);
            assertEquals(names, second.getList("files.name", String.class));
            assertTrue(names.contains("manifest.json"));
            for (int i = 0; i < names.size(); i++) {
                byte[] a = download(first.getLong("id"), names.get(i));
                byte[] b = download(second.getLong("id"), names.get(i));
                assertArrayEquals(a, b, format + ": " + names.get(i) + " differs between two builds");
                assertEquals(first.getString("files[" + i + "].sha256"),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(a)));
                assertEquals(a.length, first.getLong("files[" + i + "].bytes"));
            }
            JsonNode manifest = manifest(first);
            assertEquals(names.size() - 1, manifest.get("files").size(), "the manifest lists every other file");
            assertEquals(format, manifest.get("definition").get("format").asText());
        }
    }

    @Test
    void onlyApprovedAnnotationsByDefaultAndOthersOnlyWhenAsked() throws IOException {
        Set<Long> inDefault = spanIds(built(definition("jsonl")));
        assertEquals(approved.keySet(), inDefault);
        notApproved.forEach(id -> assertFalse(inDefault.contains(id), "annotation " + id + " is not approved"));
        Map<String, Object> pending = definition("jsonl");
        pending.put("statuses", List.of("SUBMITTED"));
        Set<Long> submitted = spanIds(built(pending));
        assertEquals(1, submitted.size());
        assertTrue(notApproved.containsAll(submitted));
    }

    @Test
    void labelArticleAndDateFiltersNarrowTheSelection() throws Exception {
        Map<String, Object> actors = definition("jsonl");
        actors.put("labels", List.of("actor"));
        JsonNode manifest = manifest(built(actors));
        assertEquals("[\"ACTOR\"]", manifest.get("definition").get("labels").toString());
        assertEquals(List.of("ACTOR"), fieldNames(manifest.get("counts").get("labels")), "only the chosen label");
        assertEquals(1, manifest.get("labels").size());

        long dated = fx.article(projectId, "Dated", "Zelensky in Kyiv.", "2024-03-05T10:00:00Z", "https://example.org/a");
        fx.article(projectId, "Later", "Zelensky in Kursk.", "2024-04-01", null);
        Map<String, Object> march = definition("jsonl");
        march.put("publishedFrom", "2024-03-01");
        march.put("publishedTo", "2024-03-05");
        JsonNode marchManifest = manifest(built(march));
        assertEquals(List.of(dated), new ArrayList<>(splitsOf(marchManifest).keySet()), "the last day counts whole");

        Map<String, Object> chosen = definition("jsonl");
        chosen.put("articleIds", List.of(articleIds.get(1), articleIds.get(0)));
        assertEquals(List.of(articleIds.get(0), articleIds.get(1)).stream().sorted().toList(),
                new ArrayList<>(splitsOf(manifest(built(chosen))).keySet()));
    }

    @Test
    void splitsAssignWholeArticlesStablyUnderAFixedSeed() throws IOException {
        Map<Long, String> full = splitsOf(manifest(built(definition("jsonl"))));
        assertEquals(new HashSet<>(articleIds), full.keySet());
        // The same seed places an article the same way whatever else is selected.
        Map<String, Object> subset = definition("jsonl");
        subset.put("articleIds", articleIds.subList(0, 3));
        Map<Long, String> part = splitsOf(manifest(built(subset)));
        part.forEach((id, split) -> assertEquals(full.get(id), split));
        // And the assignment is the seed's: the plan computes it alone.
        SplitPlan plan = new SplitPlan(new java.math.BigDecimal("0.5"), new java.math.BigDecimal("0.25"),
                new java.math.BigDecimal("0.25"), 11);
        full.forEach((id, split) -> assertEquals(plan.assign(id).key(), split));
    }

    private Set<Long> spanIds(JsonPath dataset) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (String line : new String(download(dataset.getLong("id"), "dataset.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            JSON.readTree(line).get("spans").forEach(s -> ids.add(s.get("id").asLong()));
        }
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
