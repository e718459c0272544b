package io.gloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.dataset.ExportFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics as a Prometheus server reads it: the text is parsed, and Gloss' own series move by
 * what the test did (read before and after: the other tests share the server and its counters).
 */
@QuarkusTest
class MetricsTest {

    private static final String EDITOR = "metrics-editor";
    private static final String REVIEWER = "metrics-reviewer";
    private static final String ADMIN = "metrics-admin";
    private static final String TEXT = "Zelensky spoke in Kyiv.";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Test
    void annotationsDecisionsAndDatasetBuildsAreCounted() {
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(ADMIN, "admin");
        long projectId = data.project(EDITOR, REVIEWER);
        long articleId = data.article(projectId, "Metrics", TEXT);
        Samples before = scrape();

        long annotationId = accounts.as(EDITOR).contentType(ContentType.JSON)
                .body(TestData.span(articleId, TEXT, "Zelensky", "ACTOR", null)).post("/api/annotations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "approve"))
                .post("/api/annotations/" + annotationId + "/decision").then().statusCode(200);
        long datasetId = accounts.as(REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("projectId", projectId, "name", "Metrics", "format", "jsonl")).post("/api/datasets")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath dataset = ExportFixture.await(datasetId, () -> accounts.as(REVIEWER));
        assertEquals("DONE", dataset.getString("state"));
        long fileBytes = dataset.getList("files.bytes", Number.class).stream().mapToLong(Number::longValue).sum();
        Samples after = scrape();

        assertEquals(1, after.value("gloss_annotations_created_total") - before.value("gloss_annotations_created_total"));
        assertEquals(1, after.value("gloss_annotations_decided_total", "decision", "approve")
                - before.value("gloss_annotations_decided_total", "decision", "approve"));
        assertEquals(0, after.value("gloss_annotations_decided_total", "decision", "reject")
                - before.value("gloss_annotations_decided_total", "decision", "reject"));
        assertEquals(1, after.value("gloss_dataset_builds_total", "outcome", "ok")
                - before.value("gloss_dataset_builds_total", "outcome", "ok"));
        assertEquals(0, after.value("gloss_dataset_builds_total", "outcome", "failed")
                - before.value("gloss_dataset_builds_total", "outcome", "failed"));
        assertTrue(after.value("gloss_dataset_build_duration_seconds_count") >= 1, after.text);
        assertTrue(after.value("gloss_dataset_build_duration_seconds_sum") > 0, after.text);
        assertTrue(fileBytes > 0);
        assertEquals(fileBytes, after.value("gloss_dataset_bytes_sum") - before.value("gloss_dataset_bytes_sum"));
        assertEquals(1, after.value("gloss_dataset_bytes_count") - before.value("gloss_dataset_bytes_count"));
        // The build has ended: the builder runs nothing; both series exist from the start.
        assertEquals(0, after.value("gloss_dataset_queue", "state", "running"));
        assertTrue(after.has("gloss_dataset_queue", "state", "queued"), after.text);

        // Quarkus' own: HTTP requests by route template (never by id), the connection pool.
        assertTrue(after.value("http_server_requests_seconds_count", "uri", "/api/annotations/{id}/decision") >= 1, after.text);
        assertTrue(after.has("agroal_active_count", "datasource", "default"), after.text);
        assertTrue(after.has("agroal_max_used_count", "datasource", "default"), after.text);
    }

    @Test
    void onlyAnAdminReadsTheMetrics() {
        accounts.ensure(EDITOR, "editor");
        RestAssured.given().get("/q/metrics").then().statusCode(401);
        accounts.as(EDITOR).get("/q/metrics").then().statusCode(403);
        // /q/health stays open: a proxy reads it without credentials.
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    private Samples scrape() {
        String text = accounts.as(ADMIN).get("/q/metrics").then().statusCode(200).extract().asString();
        return Samples.parse(text);
    }

    /** The samples of a Prometheus text exposition (format 0.0.4): name, labels, value. */
    record Samples(String text, List<Sample> samples) {

        record Sample(String name, Map<String, String> labels, double value) {
        }

        private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

        static Samples parse(String text) {
            List<Sample> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(line.strip());
                assertTrue(m.matches(), "not a sample line: " + line);
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(2) != null) {
                    Matcher l = LABEL.matcher(m.group(2));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
                    }
                }
                samples.add(new Sample(m.group(1), labels, number(m.group(3))));
            }
            assertFalse(samples.isEmpty(), "no samples in: " + text);
            return new Samples(text, samples);
        }

        private static double number(String value) {
            return switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(value);
            };
        }

        boolean has(String name, String... labels) {
            return samples.stream().anyMatch(s -> matches(s, name, labels));
        }

        /** The one sample of {@code name} with these label values (others may have more labels). */
        double value(String name, String... labels) {
            List<Sample> found = samples.stream().filter(s -> matches(s, name, labels)).toList();
            assertEquals(1, found.size(), name + " " + List.of(labels) + " in:\n" + text);
            return found.get(0).value();
        }

        private static boolean matches(Sample sample, String name, String... labels) {
            if (!sample.name().equals(name)) {
                return false;
            }
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }
    }
}
