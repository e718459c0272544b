package io.gloss.claim;

import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared corpus tagged as a newsroom would, through the API: its three articles imported with
 * their outlet and date; the entities North Korean troops, Volodymyr Zelensky and Kursk; CLAIM spans
 * with their figure and unit, ACTOR and LOCATION spans linked to the entities and the relations
 * between them. North Korean troops carry 3,000 (Zelensky), 200 and 300 casualties: they disagree.
 */
final class ClaimsCorpus {

    final TestAccounts accounts;
    final String admin;
    final String editor;
    final long project;
    final List<Long> articles = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    long troops;
    long zelensky;
    long kursk;
    long captured;
    long nearly3000;
    long about200;
    long yonhap300;

    ClaimsCorpus(TestData data, TestAccounts accounts, String admin, String editor, String... members) {
        this.accounts = accounts;
        this.admin = admin;
        this.editor = editor;
        List<String> all = new ArrayList<>(List.of(members));
        all.add(editor);
        project = data.project(all.toArray(String[]::new));
        as(admin).body(Map.of("attributes", List.of(Map.of("key", "figure", "name", "Figure", "type", "number"),
                Map.of("key", "unit", "name", "Unit", "type", "text")))).put("/api/projects/" + project + "/labels/CLAIM")
                .then().statusCode(200);
        as(admin).body(Map.of("key", "ATTRIBUTED_TO", "from", List.of("CLAIM"), "to", List.of("ACTOR")))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
        as(admin).body(Map.of("key", "LOCATED_IN", "from", List.of("CLAIM"), "to", List.of("LOCATION")))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
    }

    RequestSpecification as(String user) {
        return accounts.as(user).contentType(ContentType.JSON);
    }

    /** Imports the corpus and tags it. */
    ClaimsCorpus tagged() {
        String[] outlets = {"Korea Herald", "NK News", "Kyiv Post"};
        String[] dates = {"2025-01-12", "2025-01-11", "2025-01-13"};
        List<Path> files = SharedCorpus.files();
        for (int i = 0; i < 3; i++) {
            String raw;
            try {
                raw = Files.readString(files.get(i), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long id = as(admin).body(Map.of("title", files.get(i).getFileName().toString(), "source", outlets[i],
                    "published", dates[i], "text", raw)).post("/api/projects/" + project + "/articles")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            articles.add(id);
            texts.add(as(editor).get("/api/articles/" + id).then().extract().jsonPath().getString("text"));
        }
        troops = entity("North Korean troops", "ACTOR");
        zelensky = entity("Volodymyr Zelensky", "ACTOR");
        kursk = entity("Kursk", "LOCATION");

        // 000: Zelensky confirms two captured soldiers in Kursk.
        captured = claim(0, "the capture of two North Korean soldiers", 2, "captured");
        relate("ATTRIBUTED_TO", captured, span(0, "Volodymyr Zelensky", "ACTOR", zelensky));
        relate("LOCATED_IN", captured, span(0, "Kursk", "LOCATION", kursk));
        // 001: Zelensky's nearly 3,000 casualties, the troops named inside the claim.
        nearly3000 = claim(1, "nearly 3,000 North Korean soldiers have been killed or injured", 3000, "casualties");
        span(1, "North Korean soldiers have been killed or injured", "North Korean soldiers", "ACTOR", troops);
        relate("ATTRIBUTED_TO", nearly3000, span(1, "Volodymyr Zelensky", "ACTOR", zelensky));
        // 002: an official's 200 and Yonhap's 300, attributed to spans that link no entity.
        about200 = claim(2, "approximately 200 North Korean troops fighting alongside Russian forces in Kursk have been killed",
                200, "casualties");
        span(2, "200 North Korean troops", "North Korean troops", "ACTOR", troops);
        relate("ATTRIBUTED_TO", about200, span(2, "A senior Ukrainian military official", "ACTOR", null));
        yonhap300 = claim(2, "300 North Korean soldiers have been killed in fighting", 300, "casualties");
        relate("ATTRIBUTED_TO", yonhap300, span(2, "Yonhap News Agency", "ACTOR", null));
        span(2, "300 North Korean soldiers", "North Korean soldiers", "ACTOR", troops);
        return this;
    }

    long entity(String name, String type) {
        return as(editor).body(Map.of("name", name, "type", type)).post("/api/projects/" + project + "/entities")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long claim(int article, String quote, int figure, String unit) {
        Map<String, Object> body = TestData.span(articles.get(article), texts.get(article), quote, "CLAIM", null);
        body.put("attributes", Map.of("figure", figure, "unit", unit));
        return post(body);
    }

    long span(int article, String quote, String label, Long entity) {
        Map<String, Object> body = TestData.span(articles.get(article), texts.get(article), quote, label, null);
        if (entity != null) {
            body.put("entityId", entity);
        }
        return post(body);
    }

    /** {@code quote} inside the first occurrence of {@code around}. */
    long span(int article, String around, String quote, String label, Long entity) {
        String text = texts.get(article);
        int at = text.indexOf(around);
        if (at < 0) {
            throw new IllegalArgumentException("“" + around + "” is not in the text");
        }
        int from = text.indexOf(quote, at);
        int start = text.codePointCount(0, from);
        Map<String, Object> body = new HashMap<>(Map.of("articleId", articles.get(article), "label", label,
                "start", start, "end", start + quote.codePointCount(0, quote.length()), "quote", quote));
        body.put("entityId", entity);
        return post(body);
    }

    long post(Map<String, Object> body) {
        return as(editor).body(body).post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long relate(String type, long from, long to) {
        return as(editor).body(Map.of("type", type, "fromId", from, "toId", to)).post("/api/relations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
