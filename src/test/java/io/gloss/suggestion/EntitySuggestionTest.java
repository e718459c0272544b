package io.gloss.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.suggestion.CorpusArticles.Place;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entity suggestions on the shared corpus, which spells one president "Volodymyr Zelensky",
 * "Zelensky" and "Zelenskyy": the places expected are read with a regular expression over the
 * stored text (leftmost, longest name first), a reading independent of the server's.
 */
@QuarkusTest
class EntitySuggestionTest {

    /** The entity's names as whole words, longest first, so the regex takes the full name where it stands. */
    private static final Pattern ZELENSKY =
            Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])(Volodymyr Zelensky|Zelenskyy|Zelensky)(?![\\p{L}\\p{N}\\p{M}])");

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    List<Long> articles;
    List<List<Place>> expected;

    @BeforeEach
    void corpus() throws IOException {
        accounts.ensure("es-ed1", "editor");
        accounts.ensure("es-ed2", "editor");
        accounts.ensure("es-rev", "reviewer");
        accounts.ensure("es-admin", "admin");
        project = data.project("es-ed1", "es-ed2", "es-rev", "es-admin");
        CorpusArticles corpus = CorpusArticles.into(project, data, accounts, "es-ed1");
        articles = corpus.ids;
        expected = corpus.places(ZELENSKY);
        assertTrue(expected.stream().allMatch(p -> !p.isEmpty()), "every article names him: " + expected);
    }

    private long entity(String name, String type, List<String> aliases) {
        return accounts.as("es-ed1").contentType(ContentType.JSON).body(Map.of("name", name, "type", type, "aliases", aliases))
                .post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath suggestions(String editor, int article) {
        return accounts.as(editor).get("/api/articles/" + articles.get(article) + "/suggestions").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void everyNameAndAliasIsProposedToEveryEditorLinkedToItsEntity() {
        long zelensky = entity("Volodymyr Zelensky", "ACTOR", List.of("Zelensky", "Zelenskyy"));
        for (int article = 0; article < articles.size(); article++) {
            JsonPath listed = suggestions("es-ed1", article);
            assertEquals(expected.get(article), CorpusArticles.listed(listed, "ENTITY"), "article " + article);
            assertEquals(List.of("ACTOR"), listed.getList("items.label", String.class).stream().distinct().toList());
            assertEquals(List.of(zelensky), listed.getList("items.entityId", Long.class).stream().distinct().toList());
            assertEquals(expected.get(article), CorpusArticles.listed(suggestions("es-ed2", article), "ENTITY"), "to every editor");
        }
        assertEquals(expected.get(0), CorpusArticles.listed(suggestions("es-ed1", 0), "ENTITY"), "asked again, the same, not doubled");
        accounts.as("es-rev").get("/api/articles/" + articles.get(0) + "/suggestions").then().statusCode(403);
    }

    @Test
    void rejectedByOneAcceptedAllByAnotherWhoseSpansLinkAndGoToReview() {
        long zelensky = entity("Volodymyr Zelensky", "ACTOR", List.of("Zelensky", "Zelenskyy"));
        JsonPath listed = suggestions("es-ed1", 2);
        long first = listed.getLong("items[0].id");
        accounts.as("es-ed1").post("/api/suggestions/" + first + "/reject").then().statusCode(204);
        assertEquals(expected.get(2).subList(1, expected.get(2).size()), CorpusArticles.listed(suggestions("es-ed1", 2), "ENTITY"));

        JsonPath accepted = accounts.as("es-ed2").queryParam("label", "ACTOR")
                .post("/api/articles/" + articles.get(2) + "/suggestions/accept").then().statusCode(200).extract().jsonPath();
        assertEquals(expected.get(2).size(), accepted.getInt("accepted"));
        assertEquals(expected.get(2).stream().map(Place::quote).toList(), accepted.getList("items.quote", String.class));
        assertEquals(List.of("ENTITY"), accepted.getList("items.origin", String.class).stream().distinct().toList());
        assertEquals(List.of(zelensky), accepted.getList("items.entityId", Long.class).stream().distinct().toList());
        assertEquals(List.of("es-ed2"), accepted.getList("items.author", String.class).stream().distinct().toList());
        assertTrue(CorpusArticles.listed(suggestions("es-ed2", 2), "ENTITY").isEmpty(), "nothing left to decide");
        assertEquals(expected.get(2).size() - 1, CorpusArticles.listed(suggestions("es-ed1", 2), "ENTITY").size(), "the other editor's own");

        List<Long> queued = accounts.as("es-rev").get("/api/review/queue?project=" + project).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        assertEquals(accepted.getList("items.id", Long.class).stream().sorted().toList(), queued.stream().sorted().toList());
        accounts.as("es-ed2").queryParam("label", "NOPE").post("/api/articles/" + articles.get(2) + "/suggestions/accept")
                .then().statusCode(400).body("message", Matchers.containsString("no label"));
        assertEquals(0, accounts.as("es-ed2").queryParam("label", "ACTOR").post("/api/articles/" + articles.get(2)
                + "/suggestions/accept").then().statusCode(200).extract().jsonPath().getInt("accepted"));
    }

    @Test
    void mergedEntitiesProposeTheSurvivorAndDeletedOnesNothing() {
        long full = entity("Volodymyr Zelensky", "ACTOR", List.of());
        long short_ = entity("Zelensky", "ACTOR", List.of());
        JsonPath before = suggestions("es-ed1", 0);
        assertEquals(List.of(full, short_), before.getList("items.entityId", Long.class).stream().distinct().sorted().toList());

        accounts.as("es-rev").contentType(ContentType.JSON).body(Map.of("into", full))
                .post("/api/entities/" + short_ + "/merge").then().statusCode(200);
        JsonPath merged = suggestions("es-ed1", 0);
        assertEquals(List.of(full), merged.getList("items.entityId", Long.class).stream().distinct().toList());
        assertEquals(CorpusArticles.listed(before, "ENTITY"), CorpusArticles.listed(merged, "ENTITY"), "the same places, now the survivor's");

        accounts.as("es-admin").delete("/api/entities/" + full).then().statusCode(204);
        assertTrue(CorpusArticles.listed(suggestions("es-ed1", 0), "ENTITY").isEmpty());
        assertFalse(accounts.as("es-ed1").get("/api/projects/" + project + "/entities").then().statusCode(200).extract()
                .jsonPath().getList("items").iterator().hasNext());
    }
}
