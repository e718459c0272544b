package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.db.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The H2 default's index: what the triggers queue reaches the index whatever wrote it, and an
 * index from another database starts again from every row and answers as before.
 */
@QuarkusTest
class LuceneIndexTest {

    @Inject
    Database database;

    @Inject
    LuceneIndex index;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    EntityManager em;

    List<Object> found(String user, String query) {
        return accounts.as(user).get("/api/search?" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void aBulkUpdateAndARetirementReachTheIndex() {
        assumeTrue(database.isH2(), "PostgreSQL keeps its own indexes");
        accounts.ensure("li-ed", "editor");
        accounts.ensure("li-admin", "admin");
        long project = data.project("li-ed");
        String text = "Observers counted the ballots in Chernihiv overnight.";
        long article = data.article(project, "Ballots", text);
        long span = accounts.as("li-ed").contentType(ContentType.JSON).body(TestData.span(article, text, "Chernihiv", "LOCATION", null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        String q = "q=chernihiv&project=" + project;
        assertEquals(2, found("li-ed", q).size());

        // A bulk update through SQL, as an entity merge relinks spans: the trigger queues the row all the same.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update annotation set status = 'REJECTED' where id = ?1")
                .setParameter(1, span).executeUpdate());
        assertEquals(Map.of("REJECTED", 1), accounts.as("li-ed").get("/api/search?" + q).then().extract().jsonPath().getMap("facets.status"));

        accounts.as("li-admin").delete("/api/articles/" + article).then().statusCode(200);
        assertEquals(List.of(), found("li-ed", q), "a retired article and its spans leave the index");
    }

    @Test
    void aSearchFindsWhatWasJustWrittenBehindALongQueue() {
        assumeTrue(database.isH2(), "PostgreSQL keeps its own indexes");
        accounts.ensure("li-ed3", "editor");
        long project = data.project("li-ed3");
        // A long queue ahead of the write, as a rebuild or a bulk import leaves: rows naming no article.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into search_queue (kind, ref_id)"
                + " select 'A', 1000000000000 + x from system_range(1, 20000)").executeUpdate());
        long article = data.article(project, "Grain", "Barges carried grain up the Danube from Izmail.");
        assertEquals(List.of(((Number) article).intValue()), found("li-ed3", "q=izmail&project=" + project));
        while (index.pending() > 0) { // leaves no queue to the tests after it
            index.catchUp();
        }
    }

    @Test
    void anIndexFromAnotherDatabaseStartsAgainFromEveryRow() throws Exception {
        assumeTrue(database.isH2(), "PostgreSQL keeps its own indexes");
        accounts.ensure("li-ed2", "editor");
        long project = data.project("li-ed2");
        String text = "The ferry to Odesa left at dawn with grain.";
        long article = data.article(project, "Ferry", text);
        accounts.as("li-ed2").contentType(ContentType.JSON).body(TestData.span(article, text, "Odesa", "LOCATION", "port city"))
                .post("/api/annotations").then().statusCode(201);
        String q = "q=odesa&project=" + project;
        List<Object> before = found("li-ed2", q);
        assertEquals(2, before.size());

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update search_index_state set generation = 'another'")
                .executeUpdate());
        index.startOverIfAnotherDatabase();
        while (index.pending() > 0) {
            index.catchUp();
        }
        assertEquals(before, found("li-ed2", q));
    }
}
