package io.gloss.preannotated;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.article.ArticleResource;
import io.gloss.dataset.ExportFixture;
import io.gloss.project.ProjectPagesTest;
import io.gloss.text.TextNormalizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-annotated import (issue 21): JSON Lines with spans, brat zips and W3C JSON-LD, as
 * suggestions or as the import account's submitted annotations; and the round trip, Gloss'
 * own export imported into a new project and exported again, span for span.
 */
@QuarkusTest
class PreannotatedImportTest {

    private static final String ADMIN = "pi-admin";
    private static final String EDITOR = "pi-editor";
    private static final String REVIEWER = "pi-reviewer";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    ExportFixture fixture;

    @Inject
    ObjectMapper json;

    long project;

    @BeforeEach
    void fixture() {
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        project = data.project(ADMIN, EDITOR, REVIEWER);
    }

    @Test
    void aBadSpanFailsItsLineWithTheReasonAndTheGoodLinesLandAsSuggestions() {
        String lines = String.join("\n",
                line("Zelensky spoke in Kyiv.", span(0, 8, "ACTOR", "Zelensky"), span(18, 22, "LOCATION", "Kyiv")),
                line("Kursk was quiet.", span(0, 5, "LOCATION", "Kurks")),
                line("Sudzha held.", span(0, 6, "PLACE", "Sudzha")),
                // Offsets into the text as sent, CR LF and all: Gloss stores LF and moves the span with it.
                line("Kyiv\r\nZelensky \uD83C\uDDFA\uD83C\uDDE6 spoke.", span(6, 14, "ACTOR", "Zelensky")),
                line("Lviv slept.", span(5, 99, "LOCATION", "slept.")));
        JsonPath report = importLines(project, "", lines).extract().jsonPath();
        assertEquals(2, report.getInt("imported"));
        assertEquals(3, report.getInt("spans"));
        assertEquals(List.of(2, 3, 5), report.getList("errors.line", Integer.class));
        assertTrue(report.getString("errors[0].message").contains("quote does not match"), report.prettify());
        assertTrue(report.getString("errors[1].message").contains("no label \"PLACE\""), report.prettify());
        assertTrue(report.getString("errors[2].message").contains("must not pass the end"), report.prettify());
        long first = report.getLong("ids[0]");
        long crlf = report.getLong("ids[1]");

        accounts.as(EDITOR).get("/api/articles/" + first + "/suggestions").then().statusCode(200)
                .body("items.label", equalTo(List.of("ACTOR", "LOCATION")))
                .body("items.start", equalTo(List.of(0, 18))).body("items.quote", equalTo(List.of("Zelensky", "Kyiv")))
                .body("items.source", equalTo(List.of("IMPORT", "IMPORT")));
        accounts.as(EDITOR).get("/api/articles/" + crlf + "/suggestions").then().statusCode(200)
                .body("items.start", equalTo(List.of(5))).body("items.end", equalTo(List.of(13)));
        accounts.as(REVIEWER).queryParam("project", project).get("/api/review/queue").then().statusCode(200)
                .body("items.size()", equalTo(0));

        // The same file again: the articles are duplicates, their spans there already.
        importLines(project, "", lines).body("imported", equalTo(0)).body("duplicates", equalTo(2)).body("spans", equalTo(0));
    }

    @Test
    void submittedSpansAreTheImportAccountsAndWaitForReview() {
        String lines = line("Zelensky spoke in Kyiv.", span(0, 8, "ACTOR", "Zelensky"));
        long article = importLines(project, "?as=submitted", lines).body("spans", equalTo(1)).extract().jsonPath().getLong("ids[0]");
        accounts.as(REVIEWER).queryParam("project", project).get("/api/review/queue").then().statusCode(200)
                .body("items.author", equalTo(List.of("import"))).body("items.origin", equalTo(List.of("IMPORT")))
                .body("items.articleId", equalTo(List.of((int) article))).body("items.status", equalTo(List.of("SUBMITTED")));
        accounts.as(EDITOR).get("/api/articles/" + article + "/suggestions").then().statusCode(200).body("items.size()", equalTo(0));

        importLines(project, "?as=submitted&account=wire-model", line("Kursk was quiet.", span(0, 5, "LOCATION", "Kursk")))
                .body("spans", equalTo(1));
        accounts.as(REVIEWER).queryParam("project", project).queryParam("author", "wire-model").get("/api/review/queue")
                .then().statusCode(200).body("items.quote", equalTo(List.of("Kursk")));
        // The import account can never log in.
        accounts.as(ADMIN).get("/api/users").then().statusCode(200)
                .body("items.find { it.username == 'wire-model' }.active", equalTo(false))
                .body("items.find { it.username == 'wire-model' }.roles", equalTo(List.of()));
        accounts.as(ADMIN).contentType(ArticleResource.NDJSON).body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/projects/" + project + "/articles/import?as=approved")
                .then().statusCode(400).body("field", equalTo("as"));
    }

    /** A file large enough for the background job carries its spans and its ?as= there too. */
    @Test
    void aBackgroundImportCarriesItsSpans() throws Exception {
        StringBuilder file = new StringBuilder();
        int lines = 2_100; // above gloss.import.background-lines
        for (int i = 1; i <= lines; i++) {
            String prefix = "Report " + i + " of " + project + ": ";
            file.append(line(prefix + "Zelensky spoke in Kyiv.", span(prefix.length(), prefix.length() + 8,
                    i == 5 ? "PERSON" : "ACTOR", "Zelensky"))).append('\n');
        }
        String location = accounts.as(ADMIN).contentType(ArticleResource.NDJSON).body(file.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/articles/import?as=submitted&account=bg-model").then().statusCode(202)
                .extract().header("Location");
        long deadline = System.currentTimeMillis() + 180_000;
        JsonPath job = accounts.as(ADMIN).get(location).then().statusCode(200).extract().jsonPath();
        while (!job.getString("state").equals("DONE") && !job.getString("state").equals("FAILED")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            job = accounts.as(ADMIN).get(location).then().statusCode(200).extract().jsonPath();
        }
        assertEquals("DONE", job.getString("state"), job.prettify());
        assertEquals(lines - 1, job.getInt("imported"));
        assertEquals(lines - 1, job.getInt("spans"));
        assertEquals(List.of(5), job.getList("errors.line", Integer.class));
        assertTrue(job.getString("errors[0].message").contains("no label \"PERSON\""), job.prettify());
        accounts.as(REVIEWER).queryParam("project", project).queryParam("author", "bg-model").get("/api/review/queue")
                .then().statusCode(200).body("items.origin", everyItem(equalTo("IMPORT"))).body("items.size()", greaterThan(0));
    }

    @Test
    void bratAndW3cRefuseWhatTheyCannotHoldWithTheReason() throws Exception {
        byte[] zip = zip(Map.of("a.txt", "Zelensky\nin Kyiv and Kursk.", "a.ann",
                "T1\tACTOR 0 8\tZelensky\nT2\tLOCATION 12 16;21 26\tKyiv Kursk\n",
                "b.txt", "Kyiv\nnights.", "b.ann", "T1\tLOCATION 0 4;5 11\tKyiv nights\n",
                "c.ann", "T1\tACTOR 0 4\tKyiv\n"));
        JsonPath report = accounts.as(ADMIN).contentType("application/zip").body(zip)
                .post("/api/projects/" + project + "/import/brat").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("imported"), report.prettify());
        assertEquals(1, report.getInt("spans"), report.prettify());
        assertEquals(List.of(1, 3), report.getList("errors.line", Integer.class));
        assertTrue(report.getString("errors[0].message").startsWith("a.ann line 2: a discontinuous span"), report.prettify());
        assertTrue(report.getString("errors[1].message").contains("no c.txt"), report.prettify());
        accounts.as(ADMIN).contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/import/brat").then().statusCode(400).body("message", containsString("not a zip"));

        long article = fixture.article(project, "W", "Zelensky in Kyiv.", null, "https://example.org/w");
        String w3c = "[" + annotation("https://example.org/w", "ACTOR", 0, 8, "Zelensky") + ","
                + annotation("https://example.org/nowhere", "ACTOR", 0, 8, "Zelensky") + ","
                + annotation("https://example.org/w", "LOCATION", 12, 16, "Kiev") + ","
                + "{\"motivation\":\"linking\",\"target\":[\"urn:gloss:annotation:1\",\"urn:gloss:annotation:2\"]}]";
        report = accounts.as(ADMIN).contentType("application/ld+json").body(w3c)
                .post("/api/projects/" + project + "/import/w3c").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("spans"), report.prettify());
        assertEquals(List.of(2, 3), report.getList("errors.line", Integer.class));
        assertTrue(report.getString("errors[0].message").contains("import the articles first"), report.prettify());
        assertTrue(report.getString("errors[1].message").contains("quote does not match"), report.prettify());
        accounts.as(EDITOR).get("/api/articles/" + article + "/suggestions").then().statusCode(200)
                .body("items.quote", equalTo(List.of("Zelensky")));
    }

    @Test
    void theProjectPageFormImportsABratZipAsSubmittedAndAW3cFileAsSuggestionsEachWithItsReportPage() throws Exception {
        String admin = TestAccounts.session(ADMIN);
        String page = given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200)
                .body(containsString("Import annotated files")).extract().asString();
        String token = ProjectPagesTest.csrf(page);
        byte[] zip = zip(Map.of("kharkiv.txt", "Kharkiv\nlost power overnight, said Ihor Terekhov.",
                "kharkiv.ann", "T1\tLOCATION 0 7\tKharkiv\nT2\tACTOR 35 48\tIhor Terekhov\n"));
        String report = given().cookie("gloss-session", admin).redirects().follow(false).multiPart("_csrf", token)
                .multiPart("file", "desk.zip", zip, "application/zip").multiPart("as", "submitted").multiPart("account", "desk-import")
                .post("/projects/" + project + "/import/annotated").then().statusCode(303).extract().header("Location");
        assertTrue(report.matches(".*/imports/\\d+"), report);
        given().cookie("gloss-session", admin).get(report).then().statusCode(200).body(containsString("Import of desk.zip"))
                .body(containsString("1 imported, 0 duplicates, 0 refused · 2 spans"));
        accounts.as(REVIEWER).queryParam("project", project).queryParam("author", "desk-import").get("/api/review/queue").then()
                .statusCode(200).body("items.quote", equalTo(List.of("Kharkiv", "Ihor Terekhov")));

        fixture.article(project, "W", "Zelensky in Kyiv.", null, "https://example.org/page-w");
        String w3c = "[" + annotation("https://example.org/page-w", "LOCATION", 12, 16, "Kyiv") + "]";
        report = given().cookie("gloss-session", admin).redirects().follow(false).multiPart("_csrf", token)
                .multiPart("file", "kyiv.jsonld", w3c.getBytes(StandardCharsets.UTF_8), "application/ld+json")
                .multiPart("as", "suggestions").multiPart("account", "import")
                .post("/projects/" + project + "/import/annotated").then().statusCode(303).extract().header("Location");
        given().cookie("gloss-session", admin).get(report).then().statusCode(200).body(containsString("· 1 spans"));

        given().cookie("gloss-session", admin).multiPart("_csrf", token)
                .multiPart("file", "notes.docx", new byte[] {1, 2}, "application/octet-stream")
                .post("/projects/" + project + "/import/annotated").then().statusCode(415)
                .body(containsString("notes.docx is not a .jsonl"));
        given().cookie("gloss-session", TestAccounts.session(EDITOR)).multiPart("_csrf", token)
                .multiPart("file", "desk.zip", zip, "application/zip")
                .post("/projects/" + project + "/import/annotated").then().statusCode(403);
    }

    /**
     * Gloss' export in JSONL, brat and W3C imported into a new project (as submitted) and exported
     * again holds the same spans: label, offsets and text, on texts with curly quotes, an em dash,
     * accents, emoji and CR LF.
     */
    @Test
    void ownExportsComeBackSpanForSpan() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Path file : SharedCorpus.files()) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        texts.addAll(ExportFixture.TRICKY);
        List<Long> articles = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            long id = fixture.article(project, "RT " + i, texts.get(i), null, "https://example.org/rt/" + project + "/" + i);
            articles.add(id);
            fixture.tagAll(project, id, "APPROVED", EDITOR);
        }
        String tricky = fixture.text(articles.get(SharedCorpus.files().size()));
        int dash = tricky.indexOf("Kyiv —");
        int from = tricky.codePointCount(0, dash);
        fixture.insert(project, articles.get(SharedCorpus.files().size()), "CLAIM", from, from + 11,
                ExportFixture.slice(tricky, from, from + 11), "APPROVED", EDITOR, REVIEWER, null);

        byte[] jsonl = export(project, "jsonl", "APPROVED", "dataset.jsonl");
        long viaJsonl = data.project(ADMIN);
        importLines(viaJsonl, "?as=submitted", new String(jsonl, StandardCharsets.UTF_8)).body("errors", equalTo(List.of()));
        TreeSet<String> before = jsonlSpans(jsonl);
        assertTrue(before.size() > 20 && before.stream().anyMatch(s -> s.contains("🇺🇦")) && before.stream().anyMatch(s -> s.contains("Kyiv — café"))
                && before.stream().anyMatch(s -> s.contains("Zelenšky\nin Kyiv")) && before.stream().anyMatch(s -> s.contains("“")), before::toString);
        assertEquals(before, jsonlSpans(export(viaJsonl, "jsonl", "SUBMITTED", "dataset.jsonl")));

        byte[] brat = export(project, "brat", "APPROVED", "brat.zip");
        long viaBrat = data.project(ADMIN);
        accounts.as(ADMIN).contentType("application/zip").body(brat).post("/api/projects/" + viaBrat + "/import/brat?as=submitted")
                .then().statusCode(200).body("errors", equalTo(List.of())).body("imported", equalTo(texts.size()));
        TreeSet<String> bratBefore = bratSpans(brat);
        assertEquals(before.size(), bratBefore.size());
        assertEquals(bratBefore, bratSpans(export(viaBrat, "brat", "SUBMITTED", "brat.zip")));

        byte[] w3c = export(project, "w3c", "APPROVED", "annotations.jsonld");
        long viaW3c = data.project(ADMIN);
        for (int i = 0; i < texts.size(); i++) {
            fixture.article(viaW3c, "RT " + i, texts.get(i), null, "https://example.org/rt/" + project + "/" + i);
        }
        accounts.as(ADMIN).contentType("application/ld+json").body(w3c).post("/api/projects/" + viaW3c + "/import/w3c?as=submitted")
                .then().statusCode(200).body("errors", equalTo(List.of())).body("spans", equalTo(before.size()));
        TreeSet<String> w3cBefore = w3cSpans(w3c);
        assertEquals(before.size(), w3cBefore.size());
        assertEquals(w3cBefore, w3cSpans(export(viaW3c, "w3c", "SUBMITTED", "annotations.jsonld")));
    }

    /** Each span as "text hash | label | start | end | text". */
    private TreeSet<String> jsonlSpans(byte[] file) throws Exception {
        TreeSet<String> spans = new TreeSet<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            JsonNode article = json.readTree(line);
            for (JsonNode span : article.get("spans")) {
                spans.add(TextNormalizer.sha256(article.get("text").asText()) + "|" + span.get("label").asText() + "|"
                        + span.get("start").asInt() + "|" + span.get("end").asInt() + "|" + span.get("text").asText());
            }
        }
        return spans;
    }

    /** Each T line, without its id, with its .txt's hash. */
    private static TreeSet<String> bratSpans(byte[] zip) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        TreeSet<String> spans = new TreeSet<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".ann")) {
                String hash = TextNormalizer.sha256(entries.get(name.replace(".ann", ".txt")));
                content.lines().filter(l -> l.startsWith("T")).forEach(l -> spans.add(hash + "|" + l.substring(l.indexOf('\t') + 1)));
            }
        });
        return spans;
    }

    /** Each tagging annotation as "source | label | start | end | exact". */
    private TreeSet<String> w3cSpans(byte[] file) throws Exception {
        TreeSet<String> spans = new TreeSet<>();
        for (JsonNode annotation : json.readTree(file)) {
            if (annotation.get("motivation").asText().equals("tagging")) {
                JsonNode target = annotation.get("target");
                JsonNode body = annotation.get("body").isArray() ? annotation.get("body").get(0) : annotation.get("body");
                spans.add(target.get("source").asText() + "|" + body.get("value").asText() + "|"
                        + target.get("selector").get(1).get("start").asInt() + "|" + target.get("selector").get(1).get("end").asInt()
                        + "|" + target.get("selector").get(0).get("exact").asText());
            }
        }
        return spans;
    }

    private byte[] export(long projectId, String format, String status, String file) throws InterruptedException {
        long id = accounts.as(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("projectId", projectId, "name", format, "format", format, "statuses", List.of(status)))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath dataset = accounts.as(ADMIN).get("/api/datasets/" + id).then().statusCode(200).extract().jsonPath();
            if (dataset.getString("state").equals("DONE")) {
                return accounts.as(ADMIN).get("/api/datasets/" + id + "/files/" + file).then().statusCode(200).extract().asByteArray();
            }
            assertTrue(!dataset.getString("state").equals("FAILED"), () -> "build failed: " + dataset.getString("error"));
            Thread.sleep(50);
        }
        throw new AssertionError("dataset " + id + " was not built within 60 s");
    }

    private ValidatableResponse importLines(long projectId, String query, String lines) {
        RequestSpecification request = accounts.as(ADMIN).contentType(ArticleResource.NDJSON).body(lines.getBytes(StandardCharsets.UTF_8));
        return request.post("/api/projects/" + projectId + "/articles/import" + query).then().statusCode(200);
    }

    private String line(String text, Map<String, Object> span) {
        try {
            return json.writeValueAsString(Map.of("title", "T", "text", text, "spans", List.of(span)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String line(String text, Map<String, Object> first, Map<String, Object> second) {
        try {
            return json.writeValueAsString(Map.of("title", "T", "text", text, "spans", List.of(first, second)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> span(int start, int end, String label, String text) {
        return Map.of("start", start, "end", end, "label", label, "text", text);
    }

    private static String annotation(String source, String label, int start, int end, String exact) {
        return "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",\"motivation\":\"tagging\","
                + "\"body\":{\"type\":\"TextualBody\",\"value\":\"" + label + "\",\"purpose\":\"tagging\"},"
                + "\"target\":{\"source\":\"" + source + "\",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"" + exact
                + "\"},{\"type\":\"TextPositionSelector\",\"start\":" + start + ",\"end\":" + end + "}]}}";
    }

    private static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
