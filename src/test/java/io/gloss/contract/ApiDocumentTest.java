package io.gloss.contract;

import io.gloss.SharedCorpus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every method and path of ../shared/docs/api.md is in the OpenAPI document the app serves, but
 * for those api.md pins ahead of the features that will serve them ({@link #NOT_YET_BUILT}).
 * That list only shrinks: an endpoint on it that is served, or no longer documented, fails too.
 * And the document is one a client can be generated from: the JSON API only, every operation
 * named once, signed in by the schemes api.md lists, answering what it really answers.
 */
@QuarkusTest
class ApiDocumentTest {

    /** Pinned in api.md's "Collaboration, knowledge, suggestions, search and administration", not built yet. */
    // One a line, so that features landing side by side each take theirs off without conflict.
    private static final Set<String> NOT_YET_BUILT = Set.of();

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE)(?: (/api/[^`\\s]*))?`");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static Path apiMd() {
        return SharedCorpus.dir().getParent().resolve("docs/api.md");
    }

    /** (method, path) pairs of the resources table; "`GET` same" repeats the row's previous path. */
    static Set<String> documented() throws IOException {
        Set<String> endpoints = new HashSet<>();
        for (String line : Files.readAllLines(apiMd())) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = ENDPOINT.matcher(firstCell);
            String last = null;
            while (m.find()) {
                String path = m.group(2) != null ? m.group(2) : last;
                last = path;
                endpoints.add(m.group(1) + " " + normalize(path));
            }
        }
        return endpoints;
    }

    static String normalize(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void everyDocumentedEndpointIsServedAndDescribed() throws IOException {
        Set<String> documented = documented();
        assertTrue(documented.size() >= 25, "api.md was read: " + documented);
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> served = new HashSet<>();
        paths.forEach((path, methods) -> methods.keySet()
                .forEach(method -> served.add(method.toUpperCase(Locale.ROOT) + " " + normalize(path))));
        List<String> missing = new ArrayList<>();
        for (String endpoint : documented) {
            if (!served.contains(endpoint) && !NOT_YET_BUILT.contains(endpoint)) {
                missing.add(endpoint);
            }
        }
        assertTrue(missing.isEmpty(), "in api.md but not in /q/openapi: " + missing);
        List<String> stale = NOT_YET_BUILT.stream().filter(e -> served.contains(e) || !documented.contains(e)).sorted().toList();
        assertTrue(stale.isEmpty(), "built now, or no longer in api.md: take them off NOT_YET_BUILT: " + stale);
    }

    @Test
    void aClientCanBeGeneratedFromTheDocument() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> outside = paths.keySet().stream().filter(path -> !path.startsWith("/api/")).sorted().toList();
        assertTrue(outside.isEmpty(), "pages (or other routes) outside /api in the API document: " + outside);

        Map<String, List<String>> byId = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        List<String> emptySuccess = new ArrayList<>();
        List<String> bareErrors = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String endpoint = method.toUpperCase(Locale.ROOT) + " " + path;
            Object id = operation.get("operationId");
            if (id == null) {
                unnamed.add(endpoint);
            } else {
                byId.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(endpoint);
            }
            if (!operation.containsKey("security")) {
                unsecured.add(endpoint);
            }
            responses(operation).forEach((code, response) -> {
                if (code.startsWith("2") && schemas(response).anyMatch(Map::isEmpty)) {
                    emptySuccess.add(endpoint + " " + code);
                }
                if ((code.startsWith("4") || code.startsWith("5")) && !schemas(response).map(s -> s.get("$ref")).toList()
                        .equals(List.of("#/components/schemas/Error"))) {
                    bareErrors.add(endpoint + " " + code);
                }
            });
        }));
        assertTrue(unnamed.isEmpty(), "operations without an operationId: " + unnamed);
        Map<String, List<String>> shared = new TreeMap<>(byId);
        shared.values().removeIf(endpoints -> endpoints.size() == 1);
        assertTrue(shared.isEmpty(), "operationIds on more than one operation: " + shared);
        assertTrue(unsecured.isEmpty(), "operations that say nothing of security (public ones say []): " + unsecured);
        assertTrue(emptySuccess.isEmpty(), "2xx answers documented without a schema (@APIResponse on a method "
                + "that returns a Response says what it answers): " + emptySuccess);
        assertTrue(bareErrors.isEmpty(), "4xx or 5xx answers without the Error body: " + bareErrors);

        // SmallRye tells two classes of one simple name apart by a number, which moves when classes do.
        List<String> numbered = document.getMap("components.schemas").keySet().stream()
                .filter(name -> name.toString().matches(".*\\d")).map(Object::toString).sorted().toList();
        assertTrue(numbered.isEmpty(), "schema names numbered apart (name one with @Schema(name = ...)): " + numbered);
        assertEquals(Set.of("Basic", "Token", "Bearer"), document.getMap("components.securitySchemes").keySet());
        Map<String, Object> create = paths.get("/api/annotations").get("post");
        assertEquals("#/components/schemas/AnnotationView", schemas(responses(create).get("201")).findFirst()
                .orElseThrow().get("$ref"), "POST /api/annotations answers 201 with the annotation");
        assertTrue(!responses(create).containsKey("200"), "POST /api/annotations does not answer 200");
        assertTrue(String.valueOf(create.get("security")).contains("Token"), "a personal token opens POST /api/annotations");
        assertTrue(responses(paths.get("/api/annotations/{id}").get("delete")).containsKey("204"), "DELETE answers 204");
        assertTrue(responses(paths.get("/api/datasets").get("post")).containsKey("202"), "a dataset is queued: 202");
        assertTrue(responses(paths.get("/api/projects/{id}/stats").get("get")).containsKey("503"),
                "statistics may be counting after a large change: 503");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> responses(Map<String, Object> operation) {
        return (Map<String, Map<String, Object>>) operation.get("responses");
    }

    /** The schemas of a response's media types (none when it has no body). */
    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> schemas(Map<String, Object> response) {
        Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.getOrDefault("content", Map.of());
        return content.values().stream().map(media -> (Map<String, Object>) media.getOrDefault("schema", Map.of()));
    }
}
