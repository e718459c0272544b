package io.gloss.dataset;

import static io.gloss.dataset.ExportFixture.built;
import static io.gloss.dataset.ExportFixture.download;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two annotators agree, a curator accepts the unit: every export holds the span once, and the
 * formats with room for it name both annotators.
 */
@QuarkusTest
@TestSecurity(user = "cx-curator", roles = "reviewer")
class CuratedExportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEXT = "Zelensky spoke in Kyiv. Seoul confirmed.";

    @Inject
    ExportFixture fx;

    long projectId;
    long kept;

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("cx-curator");
        long articleId = fx.article(projectId, "Agreed", TEXT);
        kept = fx.insert(projectId, articleId, "ACTOR", 0, 8, "Zelensky", "SUBMITTED", "cx-bob", null, null);
        fx.insert(projectId, articleId, "ACTOR", 0, 8, "Zelensky", "SUBMITTED", "cx-ann", null, null);
        fx.insert(projectId, articleId, "LOCATION", 18, 22, "Kyiv", "SUBMITTED", "cx-ann", null, null);
        fx.insert(projectId, articleId, "LOCATION", 18, 22, "Kyiv", "SUBMITTED", "cx-bob", null, null);
        given().post("/api/articles/" + articleId + "/curation/auto").then().statusCode(200).body("accepted", equalTo(2));
    }

    Map<String, Object> definition(String format) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("projectId", projectId);
        d.put("name", "Curated " + format);
        d.put("format", format);
        return d;
    }

    byte[] file(String format, String name) {
        return download(built(definition(format)).getLong("id"), name);
    }

    @Test
    void jsonlHoldsEachUnitOnceWithBothAnnotators() throws Exception {
        JsonNode line = JSON.readTree(new String(file("jsonl", "dataset.jsonl"), StandardCharsets.UTF_8).strip());
        JsonNode spans = line.get("spans");
        assertEquals(2, spans.size(), spans.toString());
        assertEquals(kept, spans.get(0).get("id").asLong(), "the accepted annotation, the oldest of the two");
        for (JsonNode span : spans) {
            assertEquals(List.of("cx-ann", "cx-bob"), List.of(span.get("annotators").get(0).asText(),
                    span.get("annotators").get(1).asText()));
            assertEquals(2, span.get("annotators").size());
        }
    }

    @Test
    void csvHasOneRowPerUnitAndAnAnnotatorsColumn() throws Exception {
        String csv = new String(file("csv", "spans.csv"), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(2, rows.size());
        rows.forEach(row -> assertEquals("cx-ann cx-bob", row.get("annotators")));
    }

    @Test
    void w3cListsBothAsCreators() throws Exception {
        JsonNode annotations = JSON.readTree(file("w3c", "annotations.jsonld"));
        assertEquals(2, annotations.size());
        for (JsonNode a : annotations) {
            JsonNode creators = a.get("creator");
            assertTrue(creators.isArray(), creators.toString());
            assertEquals("cx-ann", creators.get(0).get("nickname").asText());
            assertEquals("cx-bob", creators.get(1).get("nickname").asText());
        }
    }

    @Test
    void bratHasEachUnitOnce() throws Exception {
        List<String> tLines = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file("brat", "brat.zip")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".ann")) {
                    new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("T"))
                            .forEach(tLines::add);
                }
            }
        }
        assertEquals(2, tLines.size(), tLines.toString());
    }

    @Test
    void mergedIsNotAStatusADatasetCanAskFor() {
        Map<String, Object> d = definition("jsonl");
        d.put("statuses", List.of("APPROVED", "MERGED"));
        JsonPath refused = given().contentType("application/json").body(d).post("/api/datasets").then().statusCode(400)
                .extract().jsonPath();
        assertEquals("statuses", refused.getString("field"));
    }
}
