package io.gloss.annotation;

import io.gloss.SharedCorpus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shared corpus of real news articles, imported as an editor's files would be, then every
 * spelling of Zelensky and every curly-quoted phrase annotated through the API and read back.
 */
@QuarkusTest
@TestSecurity(user = "corpus-editor", roles = {"editor", "admin"})
class CorpusAnnotationTest {

    private static final Pattern ZELENSKY = Pattern.compile("Zelensk(?:yy|iy|y|i)");
    private static final Pattern CURLY = Pattern.compile("[“‘][^”’]{1,80}[”’]|\\S*’\\S*");

    @Inject
    TestData data;

    @Test
    void everySpellingOfZelenskyAndEveryCurlyQuoteLandsOnItsCharacters() throws IOException {
        long projectId = data.project("corpus-editor");
        List<Path> files = SharedCorpus.files();
        assertTrue(files.size() >= 3, "the shared corpus is next to the repository");
        int spans = 0;
        for (Path file : files) {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            long articleId = given().contentType(ContentType.JSON)
                    .body(Map.of("title", file.getFileName().toString(), "text", raw))
                    .post("/api/projects/" + projectId + "/articles").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            String text = given().get("/api/articles/" + articleId).then().extract().jsonPath().getString("text");
            List<Map<String, Object>> expected = new ArrayList<>();
            expected.addAll(tag(text, ZELENSKY.matcher(text), "ACTOR", articleId));
            expected.addAll(tag(text, CURLY.matcher(text), "CLAIM", articleId));
            JsonPath stored = given().get("/api/articles/" + articleId + "/annotations").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(expected.size(), stored.getList("items").size());
            int[] codePoints = text.codePoints().toArray();
            for (int i = 0; i < expected.size(); i++) {
                int start = stored.getInt("items[" + i + "].start");
                int end = stored.getInt("items[" + i + "].end");
                String quote = stored.getString("items[" + i + "].quote");
                assertEquals(new String(codePoints, start, end - start), quote, "Python's text[start:end]");
                spans++;
            }
        }
        assertTrue(spans >= 6, "the corpus names Zelensky at least six times");
    }

    private static List<Map<String, Object>> tag(String text, Matcher m, String label, long articleId) {
        List<Map<String, Object>> made = new ArrayList<>();
        while (m.find()) {
            if (m.group().isEmpty()) {
                continue;
            }
            Map<String, Object> span = new HashMap<>();
            span.put("articleId", articleId);
            span.put("label", label);
            span.put("start", text.codePointCount(0, m.start()));
            span.put("end", text.codePointCount(0, m.end()));
            span.put("quote", m.group());
            int status = given().contentType(ContentType.JSON).body(span).post("/api/annotations").then()
                    .extract().statusCode();
            if (status == 201) {
                made.add(span);
            } else {
                assertEquals(409, status, "only an exact duplicate may be refused: " + m.group());
            }
        }
        return made;
    }
}
