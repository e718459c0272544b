package io.gloss.dataset;

import static io.gloss.dataset.ExportFixture.built;
import static io.gloss.dataset.ExportFixture.download;
import static org.apache.uima.fit.factory.CollectionReaderFactory.createReaderDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.uima.collection.CollectionReaderDescription;
import org.apache.uima.fit.pipeline.JCasIterable;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.dkpro.core.io.brat.BratReader;
import org.dkpro.core.io.conll.Conll2003Reader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent readers: DKPro Core's brat reader and CoNLL 2003 reader read Gloss' exports, and
 * what they find (covered text and label of every span) is compared with the approved
 * annotations. Java counts UTF-16 units while Gloss and brat count code points, so these run on
 * the shared corpus and on texts without astral characters, where the two agree; the astral
 * texts are checked by re-slicing in {@link DatasetExportTest}.
 */
@QuarkusTest
@TestSecurity(user = "rd-reviewer", roles = "reviewer")
class DatasetReadersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExportFixture fx;

    long projectId;
    /** (label, covered text) of every approved annotation. */
    List<String> approved = new ArrayList<>();
    Map<Long, String> approvedById = new java.util.HashMap<>();

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("rd-reviewer");
        for (long article : fx.articles(projectId, true, ExportFixture.TRICKY_BMP)) {
            String text = fx.text(article);
            assertEquals(text.length(), text.codePointCount(0, text.length()), "no astral characters here");
            for (long id : fx.tagAll(projectId, article, "APPROVED", "rd-editor")) {
                approvedById.put(id, null);
            }
            fx.tagAll(projectId, article, "REJECTED", "rd-editor"); // must not show up
        }
        JsonPath jsonl = built(Map.of("projectId", projectId, "name", "truth", "format", "jsonl"));
        for (String line : new String(download(jsonl.getLong("id"), "dataset.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            for (JsonNode span : JSON.readTree(line).get("spans")) {
                approved.add(span.get("label").asText() + "\t" + span.get("text").asText());
                approvedById.put(span.get("id").asLong(), span.get("label").asText() + "\t" + span.get("text").asText());
            }
        }
        assertTrue(approved.size() >= 20, "the corpus and the texts give enough spans");
    }

    @Test
    void dkproBratReaderReadsEveryApprovedSpan(@TempDir Path dir) throws Exception {
        JsonPath dataset = built(Map.of("projectId", projectId, "name", "brat", "format", "brat"));
        unzip(download(dataset.getLong("id"), "brat.zip"), dir);
        CollectionReaderDescription reader = createReaderDescription(BratReader.class,
                BratReader.PARAM_SOURCE_LOCATION, dir.toString(),
                BratReader.PARAM_PATTERNS, "*.ann",
                BratReader.PARAM_TEXT_ANNOTATION_TYPE_MAPPINGS, new String[] {".* -> " + NamedEntity.class.getName()},
                BratReader.PARAM_TEXT_ANNOTATION_TYPES, new String[] {NamedEntity.class.getName() + ":value"});
        List<String> read = new ArrayList<>();
        int documents = 0;
        for (JCas jcas : new JCasIterable(reader)) {
            documents++;
            for (NamedEntity entity : JCasUtil.select(jcas, NamedEntity.class)) {
                read.add(entity.getValue() + "\t" + entity.getCoveredText());
            }
        }
        assertEquals(3 + ExportFixture.TRICKY_BMP.size(), documents);
        // brat writes a span across a line break as one fragment a line. DKPro reads fragments as
        // separate annotations, except that it joins two fragments only one character apart.
        List<String> expected = new ArrayList<>();
        for (String span : approved) {
            String label = span.substring(0, span.indexOf('\t'));
            for (String piece : span.substring(span.indexOf('\t') + 1).split("\n{2,}")) {
                expected.add(label + "\t" + piece);
            }
        }
        Collections.sort(expected);
        Collections.sort(read);
        assertEquals(expected, read);
    }

    @Test
    void dkproConll2003ReaderReadsEveryAlignedSpan(@TempDir Path dir) throws Exception {
        JsonPath dataset = built(Map.of("projectId", projectId, "name", "conll", "format", "conll",
                "split", Map.of("train", 0.6, "dev", 0.2, "test", 0.2), "seed", 5));
        for (String name : dataset.getList("files.name", String.class)) {
            Files.write(dir.resolve(name), download(dataset.getLong("id"), name));
        }
        Files.delete(dir.resolve("manifest.json"));
        JsonNode manifest = JSON.readTree(download(dataset.getLong("id"), "manifest.json"));
        Set<Long> left = new HashSet<>();
        manifest.get("misaligned").forEach(m -> left.add(m.get("annotation").asLong()));
        manifest.get("overlapping").forEach(m -> left.add(m.get("annotation").asLong()));
        CollectionReaderDescription reader = createReaderDescription(Conll2003Reader.class,
                Conll2003Reader.PARAM_SOURCE_LOCATION, dir.toString(),
                Conll2003Reader.PARAM_PATTERNS, "*.conll",
                Conll2003Reader.PARAM_LANGUAGE, "en",
                Conll2003Reader.PARAM_READ_POS, false,
                Conll2003Reader.PARAM_READ_CHUNK, false);
        List<String> read = new ArrayList<>();
        for (JCas jcas : new JCasIterable(reader)) {
            for (NamedEntity entity : JCasUtil.select(jcas, NamedEntity.class)) {
                // The reader joins tokens with spaces; the article's own spacing is not in CoNLL.
                read.add(entity.getValue() + "\t" + entity.getCoveredText().replace(" ", ""));
            }
        }
        List<String> expected = new ArrayList<>();
        approvedById.forEach((id, span) -> {
            if (!left.contains(id)) {
                int tab = span.indexOf('\t');
                expected.add(span.substring(0, tab + 1) + span.substring(tab + 1).replaceAll("[\\s\\p{Z}\\uFEFF\\u200B]", ""));
            }
        });
        Collections.sort(expected);
        Collections.sort(read);
        assertEquals(manifest.get("conll").get("spansWritten").asInt(), read.size());
        assertEquals(expected, read);
        assertTrue(read.size() >= 10);
    }

    static void unzip(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Files.write(dir.resolve(entry.getName()), in.readAllBytes());
            }
        }
    }
}
