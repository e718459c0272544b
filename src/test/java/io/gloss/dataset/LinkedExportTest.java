package io.gloss.dataset;

import static org.apache.uima.fit.factory.CollectionReaderFactory.createReaderDescription;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token;
import de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.uima.collection.CollectionReaderDescription;
import org.apache.uima.fit.pipeline.JCasIterable;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.dkpro.core.io.brat.BratReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities, attributes and relations in the exports (issue 20): a project whose actors link to an
 * entity with a Wikidata id and whose locations to one without, whose claims state a figure and
 * a unit, and whose claims are related to both by approved relations. Every approved relation's
 * ends and every entity link must be in JSONL, brat and W3C, nothing else may be, DKPro's brat
 * reader must read the relations, and a second build must give the same bytes.
 */
@QuarkusTest
class LinkedExportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "lx-admin";
    static final String EDITOR = "lx-editor";
    static final String REVIEWER = "lx-reviewer";
    static final String ZELENSKY_QID = "Q3874799";
    /** The W3C id of a span's annotation is this and the span's id. */
    static final String SPAN_IRI = "urn:gloss:annotation:";
    static final String FIRST = "Zelenskiy said about 3,000 soldiers were killed near Sudzha; Moscow denied it.";
    static final String SECOND = "In Sudzha, Volodymyr Zelensky said 2,800.5 tonnes of aid; officials said 200 were captured.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    long zelensky;
    long sudzha;
    /** Span id → the quote, of every approved span. */
    Map<Long, String> quotes = new HashMap<>();
    /** Span id → the entity id it links to. */
    Map<Long, Long> links = new HashMap<>();
    /** "type from to" of every relation that must be exported, by relation id. */
    Map<Long, String> exported = new TreeMap<>();

    @BeforeEach
    void fixture() {
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        project = data.project(EDITOR, REVIEWER);
        accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("attributes", List.of(
                        Map.of("key", "figure", "name", "Figure", "type", "number"), Map.of("key", "unit", "type", "text"))))
                .put("/api/projects/" + project + "/labels/CLAIM").then().statusCode(200);
        for (String[] type : new String[][] {{"ATTRIBUTED_TO", "ACTOR"}, {"LOCATED_IN", "LOCATION"}}) {
            accounts.as(ADMIN).contentType(ContentType.JSON).body(Map.of("key", type[0], "from", List.of("CLAIM"), "to", List.of(type[1])))
                    .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
        }
        zelensky = entity(Map.of("name", "Volodymyr Zelensky", "type", "ACTOR", "qid", ZELENSKY_QID));
        sudzha = entity(Map.of("name", "Sudzha checkpoint", "type", "LOCATION"));

        long first = data.article(project, "First", FIRST);
        long actor = span(first, FIRST, "Zelenskiy", "ACTOR", zelensky, null, true);
        long claim = span(first, FIRST, "about 3,000 soldiers were killed", "CLAIM", null, Map.of("unit", "casualties"), true);
        long place = span(first, FIRST, "Sudzha", "LOCATION", sudzha, null, true);
        long moscow = span(first, FIRST, "Moscow", "ACTOR", null, null, false);
        exported.put(relate("ATTRIBUTED_TO", claim, actor, true), "ATTRIBUTED_TO " + claim + " " + actor);
        exported.put(relate("LOCATED_IN", claim, place, true), "LOCATED_IN " + claim + " " + place);
        relate("ATTRIBUTED_TO", claim, moscow, true); // approved, but its end was rejected: not exported

        long second = data.article(project, "Second", SECOND);
        long place2 = span(second, SECOND, "Sudzha", "LOCATION", sudzha, null, true);
        long actor2 = span(second, SECOND, "Volodymyr Zelensky", "ACTOR", zelensky, null, true);
        long aid = span(second, SECOND, "2,800.5 tonnes of aid", "CLAIM", null,
                Map.of("figure", new BigDecimal("2800.5"), "unit", "tonnes; of aid"), true);
        long captured = span(second, SECOND, "200 were captured", "CLAIM", null, null, true);
        exported.put(relate("ATTRIBUTED_TO", aid, actor2, true), "ATTRIBUTED_TO " + aid + " " + actor2);
        exported.put(relate("LOCATED_IN", aid, place2, true), "LOCATED_IN " + aid + " " + place2);
        relate("LOCATED_IN", captured, place2, false); // still submitted: not exported
    }

    @Test
    void jsonlCarriesEveryLinkAttributeAndApprovedRelation() throws Exception {
        byte[] file = twice("jsonl", "dataset.jsonl");
        Map<Long, String> relations = new TreeMap<>();
        Map<Long, JsonNode> spans = new HashMap<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            JsonNode article = JSON.readTree(line);
            Set<Long> ids = new TreeSet<>();
            for (JsonNode span : article.get("spans")) {
                ids.add(span.get("id").asLong());
                spans.put(span.get("id").asLong(), span);
            }
            for (JsonNode relation : article.get("relations")) {
                assertEquals(List.of("id", "type", "from", "to"), fieldNames(relation));
                assertTrue(ids.contains(relation.get("from").asLong()) && ids.contains(relation.get("to").asLong()),
                        "both ends among the article's spans: " + relation);
                relations.put(relation.get("id").asLong(), relation.get("type").asText() + " " + relation.get("from").asLong()
                        + " " + relation.get("to").asLong());
            }
        }
        assertEquals(exported, relations);
        assertEquals(quotes.keySet(), spans.keySet());
        for (Map.Entry<Long, JsonNode> span : spans.entrySet()) {
            JsonNode entity = span.getValue().get("entity");
            Long linked = links.get(span.getKey());
            if (linked == null) {
                assertTrue(entity.isNull(), "unlinked: " + span.getValue());
            } else {
                assertEquals(List.of("id", "name", "qid"), fieldNames(entity));
                assertEquals((long) linked, entity.get("id").asLong());
                assertEquals(linked == zelensky ? ZELENSKY_QID : null, entity.get("qid").textValue());
                assertEquals(linked == zelensky ? "Volodymyr Zelensky" : "Sudzha checkpoint", entity.get("name").textValue());
            }
        }
        Map<String, String> attributes = new TreeMap<>();
        spans.values().forEach(span -> attributes.put(span.get("text").asText(), span.get("attributes").toString()));
        assertEquals("{\"figure\":3000,\"unit\":\"casualties\"}", attributes.get("about 3,000 soldiers were killed"),
                "the figure read from the quote, keys sorted");
        assertEquals("{\"figure\":2800.5,\"unit\":\"tonnes; of aid\"}", attributes.get("2,800.5 tonnes of aid"));
        assertEquals("{\"figure\":200}", attributes.get("200 were captured"));
        assertEquals("{}", attributes.get("Zelenskiy"));
    }

    @Test
    void bratHasAnRLineARelationAnNLineALinkAndTheAttributesAsNotes(@TempDir Path dir) throws Exception {
        DatasetReadersTest.unzip(twice("brat", "brat.zip"), dir);
        String conf = Files.readString(dir.resolve("annotation.conf"));
        assertTrue(conf.contains("[relations]\nATTRIBUTED_TO\tArg1:CLAIM, Arg2:ACTOR\nLOCATED_IN\tArg1:CLAIM, Arg2:LOCATION\n"), conf);
        assertTrue(Files.readString(dir.resolve("visual.conf")).contains("ATTRIBUTED_TO | Attributed to\n"));

        Set<String> relations = new TreeSet<>();
        List<String> references = new ArrayList<>();
        Set<String> notes = new TreeSet<>();
        Pattern text = Pattern.compile("(T\\d+)\t(\\w+) \\d+ \\d+\t(.*)");
        Pattern relation = Pattern.compile("R\\d+\t(\\w+) Arg1:(T\\d+) Arg2:(T\\d+)");
        Pattern reference = Pattern.compile("N\\d+\tReference (T\\d+) (\\S+)\t(.*)");
        Pattern note = Pattern.compile("#\\d+\tAnnotatorNotes (T\\d+)\t(.*)");
        for (Path ann : annFiles(dir)) {
            Map<String, String> quoteOf = new HashMap<>();
            for (String line : Files.readAllLines(ann)) {
                Matcher m;
                if ((m = text.matcher(line)).matches()) {
                    quoteOf.put(m.group(1), m.group(3));
                } else if ((m = relation.matcher(line)).matches()) {
                    relations.add(m.group(1) + " " + quoteOf.get(m.group(2)) + " -> " + quoteOf.get(m.group(3)));
                } else if ((m = reference.matcher(line)).matches()) {
                    references.add(quoteOf.get(m.group(1)) + " " + m.group(2) + " " + m.group(3));
                } else if ((m = note.matcher(line)).matches()) {
                    notes.add(quoteOf.get(m.group(1)) + ": " + m.group(2));
                } else {
                    throw new AssertionError("a line of no known kind in " + ann.getFileName() + ": " + line);
                }
            }
        }
        assertEquals(expectedByQuote(), relations);
        references.sort(null);
        assertEquals(List.of("Sudzha Gloss:entity-" + sudzha + " Sudzha checkpoint", "Sudzha Gloss:entity-" + sudzha + " Sudzha checkpoint",
                "Volodymyr Zelensky Wikidata:" + ZELENSKY_QID + " Volodymyr Zelensky",
                "Zelenskiy Wikidata:" + ZELENSKY_QID + " Volodymyr Zelensky"), references, "one N line a linked span");
        assertEquals(Set.of("about 3,000 soldiers were killed: figure=3000; unit=casualties",
                "2,800.5 tonnes of aid: figure=2800.5; unit=tonnes; of aid", "200 were captured: figure=200"), notes);
    }

    /**
     * DKPro Core's brat reader (2.4.0, and its later versions) knows T, A/M, R, E and # lines but
     * not brat's N lines: it stops at them with "Unknown annotation format". Without them it reads
     * every relation, with the spans at its ends.
     */
    @Test
    void dkproReadsTheRelationsOnceTheNormalizationLinesAreLeftOut(@TempDir Path dir) throws Exception {
        DatasetReadersTest.unzip(twice("brat", "brat.zip"), dir);
        Throwable refused = assertThrows(Exception.class, () -> readRelations(dir));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("Unknown annotation format: [N1\tReference"), messages.toString());
        for (Path ann : annFiles(dir)) {
            Files.write(ann, Files.readAllLines(ann).stream().filter(line -> !line.startsWith("N")).toList());
        }
        assertEquals(expectedByQuote(), readRelations(dir));
    }

    @Test
    void w3cIdentifiesTheEntitiesAndLinksTheRelatedSpans() throws Exception {
        JsonNode annotations = JSON.readTree(twice("w3c", "annotations.jsonld"));
        Map<Long, String> identified = new HashMap<>();
        Map<Long, String> relations = new TreeMap<>();
        Map<String, String> described = new TreeMap<>();
        Set<String> spanIds = new TreeSet<>();
        for (JsonNode annotation : annotations) {
            String id = annotation.get("id").asText();
            if (annotation.get("motivation").asText().equals("linking")) {
                JsonNode target = annotation.get("target");
                assertEquals(2, target.size());
                assertTrue(spanIds.contains(target.get(0).asText()) && spanIds.contains(target.get(1).asText()),
                        "both targets are span annotations written before it: " + annotation);
                relations.put(Long.valueOf(id.substring("urn:gloss:relation:".length())), annotation.get("body").get("value").asText()
                        + " " + target.get(0).asText().substring(SPAN_IRI.length()) + " "
                        + target.get(1).asText().substring(SPAN_IRI.length()));
                continue;
            }
            spanIds.add(id);
            long spanId = Long.parseLong(id.substring(SPAN_IRI.length()));
            JsonNode body = annotation.get("body");
            for (JsonNode b : body.isArray() ? body : JSON.createArrayNode().add(body)) {
                if (b.get("purpose").asText().equals("identifying")) {
                    assertEquals("SpecificResource", b.get("type").asText());
                    identified.put(spanId, b.get("source").asText());
                } else if (b.get("purpose").asText().equals("describing")) {
                    assertEquals("application/json", b.get("format").asText());
                    described.put(quotes.get(spanId), b.get("value").asText());
                }
            }
        }
        assertEquals(exported, relations);
        Map<Long, String> expected = new HashMap<>();
        links.forEach((span, entity) -> expected.put(span, entity == zelensky
                ? "http://www.wikidata.org/entity/" + ZELENSKY_QID : "urn:gloss:entity:" + sudzha));
        assertEquals(expected, identified);
        assertEquals(Map.of("about 3,000 soldiers were killed", "{\"figure\":3000,\"unit\":\"casualties\"}",
                "2,800.5 tonnes of aid", "{\"figure\":2800.5,\"unit\":\"tonnes; of aid\"}",
                "200 were captured", "{\"figure\":200}"), described);
    }

    /** "type from-quote -> to-quote" of every relation that must be exported. */
    private Set<String> expectedByQuote() {
        Set<String> expected = new TreeSet<>();
        for (String relation : exported.values()) {
            String[] parts = relation.split(" ");
            expected.add(parts[0] + " " + quotes.get(Long.valueOf(parts[1])) + " -> " + quotes.get(Long.valueOf(parts[2])));
        }
        return expected;
    }

    /** The relations DKPro reads, spans as tokens and relations as dependencies typed with the brat type. */
    private static Set<String> readRelations(Path dir) throws Exception {
        CollectionReaderDescription reader = createReaderDescription(BratReader.class,
                BratReader.PARAM_SOURCE_LOCATION, dir.toString(),
                BratReader.PARAM_PATTERNS, "*.ann",
                BratReader.PARAM_TEXT_ANNOTATION_TYPE_MAPPINGS, new String[] {".* -> " + Token.class.getName()},
                BratReader.PARAM_RELATION_TYPE_MAPPINGS, new String[] {".* -> " + Dependency.class.getName()},
                BratReader.PARAM_RELATION_TYPES, new String[] {Dependency.class.getName() + ":Governor:Dependent{A}:DependencyType"});
        Set<String> read = new TreeSet<>();
        for (JCas jcas : new JCasIterable(reader)) {
            for (Dependency dependency : JCasUtil.select(jcas, Dependency.class)) {
                read.add(dependency.getDependencyType() + " " + dependency.getGovernor().getCoveredText() + " -> "
                        + dependency.getDependent().getCoveredText());
            }
        }
        return read;
    }

    private static List<Path> annFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ann")).sorted().toList();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Builds the format twice from the same data; the file must have the same bytes both times. */
    private byte[] twice(String format, String file) throws InterruptedException {
        byte[] first = download(build(format, "first"), file);
        byte[] second = download(build(format, "second"), file);
        assertArrayEquals(first, second, format + " is byte-identical on a second build");
        return first;
    }

    /** Builds the dataset and checks that its manifest counts the exported relations. */
    private long build(String format, String name) throws InterruptedException {
        long id = accounts.as(REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("projectId", project, "name", name, "format", format)).post("/api/datasets")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath dataset = accounts.as(REVIEWER).get("/api/datasets/" + id).then().statusCode(200).extract().jsonPath();
            if (dataset.getString("state").equals("DONE")) {
                assertEquals(exported.size(), dataset.getInt("manifest.counts.relations"));
                return id;
            }
            assertTrue(!dataset.getString("state").equals("FAILED"), () -> "build failed: " + dataset.getString("error"));
            Thread.sleep(50);
        }
        throw new AssertionError("dataset " + id + " was not built within 60 s");
    }

    private byte[] download(long id, String file) {
        return accounts.as(REVIEWER).get("/api/datasets/" + id + "/files/" + file).then().statusCode(200).extract().asByteArray();
    }

    private long entity(Map<String, Object> body) {
        return accounts.as(EDITOR).contentType(ContentType.JSON).body(body).post("/api/projects/" + project + "/entities")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A span by the editor, linked and attributed as given, then approved or rejected by the reviewer. */
    private long span(long article, String text, String quote, String label, Long entity, Map<String, Object> attributes,
            boolean approve) {
        Map<String, Object> body = TestData.span(article, text, quote, label, null);
        if (entity != null) {
            body.put("entityId", entity);
        }
        if (attributes != null) {
            body.put("attributes", attributes);
        }
        long id = accounts.as(EDITOR).contentType(ContentType.JSON).body(body).post("/api/annotations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        decide("/api/annotations/" + id, approve);
        if (approve) {
            quotes.put(id, quote);
            if (entity != null) {
                links.put(id, entity);
            }
        }
        return id;
    }

    private long relate(String type, long from, long to, boolean approve) {
        long id = accounts.as(EDITOR).contentType(ContentType.JSON).body(Map.of("type", type, "fromId", from, "toId", to))
                .post("/api/relations").then().statusCode(201).extract().jsonPath().getLong("id");
        if (approve) {
            decide("/api/relations/" + id, true);
        }
        return id;
    }

    private void decide(String path, boolean approve) {
        Map<String, Object> body = approve ? Map.of("decision", "APPROVE") : Map.of("decision", "REJECT", "comment", "Not an actor here.");
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(body).post(path + "/decision").then().statusCode(200);
    }
}
