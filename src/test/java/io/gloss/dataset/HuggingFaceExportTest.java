package io.gloss.dataset;

import static io.gloss.dataset.ExportFixture.built;
import static io.gloss.dataset.ExportFixture.download;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Hugging Face side of the JSONL and CoNLL folders, read as {@code datasets.load_dataset}
 * reads them: the card's YAML (configs naming a file a split, every column declared, labels and
 * tags as ClassLabel names in order), split sizes equal to the manifest's, and the per-split
 * files holding exactly what the format's own files hold, on the corpus and tricky texts.
 */
@QuarkusTest
@TestSecurity(user = "hf-reviewer", roles = "reviewer")
class HuggingFaceExportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    ExportFixture fx;

    long projectId;

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("hf-reviewer");
        List<Long> articles = new ArrayList<>(fx.articles(projectId, true, ExportFixture.TRICKY));
        for (long article : articles) {
            fx.tagAll(projectId, article, "APPROVED", "fx-editor");
        }
        // A note in a later article only: the first lines have "note": null, as in the report.
        long last = articles.get(articles.size() - 1);
        String text = fx.text(last);
        fx.insert(projectId, last, "CLAIM", 0, 3, ExportFixture.slice(text, 0, 3), "APPROVED", "fx-editor2", "fx-reviewer",
                "checked against the video");
    }

    Map<String, Object> definition(String format) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("projectId", projectId);
        d.put("name", "HF " + format);
        d.put("format", format);
        d.put("split", Map.of("train", 0.6, "dev", 0.2, "test", 0.2));
        d.put("seed", 5);
        return d;
    }

    static String text(long dataset, String file) {
        return new String(download(dataset, file), StandardCharsets.UTF_8);
    }

    /** The card's YAML front matter. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> card(long dataset) throws IOException {
        String readme = text(dataset, "README.md");
        assertTrue(readme.startsWith("---\n"), readme);
        return YAML.readValue(readme.substring(4, readme.indexOf("\n---\n", 4)), Map.class);
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
            assertNotNull(current, "no " + step + " in the card");
        }
        return (T) current;
    }

    /** A field of a YAML feature list by name. */
    static Map<String, Object> field(List<Map<String, Object>> fields, String name) {
        return fields.stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + name + " in " + fields));
    }

    /** ClassLabel names as the library reads them: keys '0'..'n-1', every one present. */
    static List<String> classLabelNames(Map<String, Object> classLabel) {
        Map<Object, String> names = at(classLabel, "class_label", "names");
        List<String> ordered = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            assertTrue(names.containsKey(String.valueOf(i)), "class id " + i + " is named, as a string key");
            ordered.add(names.get(String.valueOf(i)));
        }
        return ordered;
    }

    /** Split name → data file, from the card's one config. */
    static Map<String, String> dataFiles(Map<String, Object> card) {
        Map<String, String> files = new TreeMap<>();
        List<Map<String, Object>> dataFiles = at(card, "configs", 0, "data_files");
        dataFiles.forEach(f -> files.put((String) f.get("split"), (String) f.get("path")));
        assertEquals("default", at(card, "configs", 0, "config_name"));
        return files;
    }

    static Map<String, Integer> splitSizes(Map<String, Object> card) {
        Map<String, Integer> sizes = new TreeMap<>();
        List<Map<String, Object>> splits = at(card, "dataset_info", "splits");
        splits.forEach(s -> sizes.put((String) s.get("name"), (Integer) s.get("num_examples")));
        return sizes;
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void jsonlFolderHasASplitFileForEachSplitAndACardDeclaringEveryColumn() throws IOException {
        JsonPath dataset = built(definition("jsonl"));
        long id = dataset.getLong("id");
        JsonNode manifest = JSON.readTree(download(id, "manifest.json"));
        Map<String, Object> card = card(id);

        Map<String, String> files = dataFiles(card);
        assertEquals(Map.of("train", "train.jsonl", "validation", "validation.jsonl", "test", "test.jsonl"), files);
        Map<String, String> manifestSplit = Map.of("train", "train", "validation", "dev", "test", "test");
        Map<String, String> linesById = new TreeMap<>();
        for (String line : lines(text(id, "dataset.jsonl"))) {
            linesById.put(JSON.readTree(line).get("id").asText(), line);
        }
        int total = 0;
        for (Map.Entry<String, String> split : files.entrySet()) {
            List<String> lines = lines(text(id, split.getValue()));
            List<String> expected = new ArrayList<>();
            manifest.get("splits").get(manifestSplit.get(split.getKey())).forEach(a -> expected.add(linesById.get(a.asText())));
            assertEquals(expected, lines, "the split's file holds its articles' lines of dataset.jsonl, in order");
            assertEquals(lines.size(), splitSizes(card).get(split.getKey()));
            lines.forEach(l -> assertEquals(manifestSplit.get(split.getKey()), readSplit(l)));
            total += lines.size();
        }
        assertEquals(linesById.size(), total, "every article in one split");
        assertTrue(total > 3);

        List<Map<String, Object>> features = at(card, "dataset_info", "features");
        assertEquals(List.of("id", "text", "meta", "spans", "relations"), features.stream().map(f -> f.get("name")).toList());
        assertEquals("int64", field(features, "id").get("dtype"));
        List<Map<String, Object>> span = at(field(features, "spans"), "list");
        assertEquals(List.of("start", "end", "label", "text", "entity", "attributes", "annotator", "annotators", "reviewer",
                "note", "id"), span.stream().map(f -> f.get("name")).toList(), "every key of a span, in the file's order");
        assertEquals("string", field(span, "note").get("dtype"), "a note null in the first rows is still text");
        assertEquals("string", at(field(at(field(features, "meta"), "struct"), "url"), "dtype"));
        List<String> labels = new ArrayList<>();
        manifest.get("labels").forEach(l -> labels.add(l.get("key").asText()));
        assertEquals(labels, classLabelNames(at(field(span, "label"), "dtype")), "the labels as ClassLabel, in the project's order");
        assertEquals("string", field(span, "annotators").get("sequence"));
        assertTrue(text(id, "README.md").contains("load_dataset("), "the card says how to load the folder");

        List<String> names = new ArrayList<>();
        manifest.get("files").forEach(f -> names.add(f.get("name").asText()));
        assertEquals(List.of("README.md", "dataset.jsonl", "test.jsonl", "train.jsonl", "validation.jsonl"),
                names.stream().sorted().toList(),
                "the manifest hashes the card and the split files too");
    }

    static String readSplit(String line) {
        try {
            return JSON.readTree(line).get("meta").get("split").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void conllFolderHasTokenClassificationFilesWithTheConllSentencesAndTagIdsInTheCardsOrder() throws IOException {
        JsonPath dataset = built(definition("conll"));
        long id = dataset.getLong("id");
        JsonNode manifest = JSON.readTree(download(id, "manifest.json"));
        Map<String, Object> card = card(id);

        List<String> tags = new ArrayList<>();
        manifest.get("conll").get("tags").forEach(t -> tags.add(t.asText()));
        List<String> expectedTags = new ArrayList<>(List.of("O"));
        manifest.get("labels").forEach(l -> expectedTags.addAll(List.of("B-" + l.get("key").asText(), "I-" + l.get("key").asText())));
        assertEquals(expectedTags, tags, "O, then B- and I- of each label in the project's order");
        assertTrue(manifest.get("tokenizer").get("documents").asText().startsWith("-DOCSTART- -X- O O"),
                "the manifest says which document form spaCy reads");
        List<Map<String, Object>> features = at(card, "dataset_info", "features");
        assertEquals(List.of("id", "article", "tokens", "ner_tags"), features.stream().map(f -> f.get("name")).toList());
        assertEquals("string", field(features, "tokens").get("sequence"));
        assertEquals(tags, classLabelNames(at(field(features, "ner_tags"), "sequence")));

        Map<String, String> conllFile = Map.of("train", "train.conll", "validation", "dev.conll", "test", "test.conll");
        long sentences = 0;
        for (Map.Entry<String, String> split : dataFiles(card).entrySet()) {
            List<List<String[]>> conll = sentences(text(id, conllFile.get(split.getKey())));
            List<String> records = lines(text(id, split.getValue()));
            assertEquals(conll.size(), records.size(), "one record a CoNLL sentence");
            assertEquals(records.size(), splitSizes(card).get(split.getKey()));
            for (int s = 0; s < records.size(); s++) {
                JsonNode record = JSON.readTree(records.get(s));
                List<String[]> sentence = conll.get(s);
                assertEquals(sentence.size(), record.get("tokens").size());
                for (int t = 0; t < sentence.size(); t++) {
                    assertEquals(sentence.get(t)[0], record.get("tokens").get(t).asText());
                    assertEquals(sentence.get(t)[3], tags.get(record.get("ner_tags").get(t).asInt()));
                }
            }
            sentences += records.size();
        }
        assertEquals(manifest.get("conll").get("sentences").asLong(), sentences);
        assertTrue(sentences > 10);
    }

    /** The sentences of a CoNLL file, each a list of its lines' columns; documents start at {@code -DOCSTART- -X- O O}. */
    static List<List<String[]>> sentences(String conll) {
        List<List<String[]>> sentences = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        for (String line : conll.split("\n", -1)) {
            if (line.equals("-DOCSTART- -X- O O")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line.split(" "));
            }
        }
        return sentences;
    }
}
