package io.gloss.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.gloss.TestData;
import io.gloss.project.Label;
import io.gloss.text.SpanContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The queue's order, filters, context and keyset pagination, on generated rows. */
@QuarkusTest
@TestSecurity(user = "queue-reviewer", roles = "reviewer")
class ReviewQueueTest {

    /** Ids far above what the sequences hand out in a test run. */
    private static final AtomicLong NEXT_ID = new AtomicLong(50_000_000);

    @Inject
    TestData data;

    @Inject
    AgroalDataSource dataSource;

    /** Inserts annotations straight into the table, as the bench generator does: fast, in one batch. */
    void generate(long projectId, long articleId, String labelKey, String author, int count, String status, Instant first)
            throws SQLException {
        long labelId = QuarkusTransaction.requiringNew().call(() ->
                Label.<Label>find("project.id = ?1 and key = ?2", projectId, labelKey).firstResult().id);
        String sql = "insert into annotation (id, article_id, label_id, project_id, start_offset, end_offset, quote, status, "
                + "author, version, created_at, updated_at, status_changed_at) values (?,?,?,?,?,?,?,?,?,0,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                Timestamp at = Timestamp.from(first.plus(i / 3, ChronoUnit.SECONDS)); // ties on purpose
                ps.setLong(1, NEXT_ID.getAndIncrement());
                ps.setLong(2, articleId);
                ps.setLong(3, labelId);
                ps.setLong(4, projectId);
                ps.setInt(5, 0);
                ps.setInt(6, 8);
                ps.setString(7, "Zelensky");
                ps.setString(8, status);
                ps.setString(9, author);
                ps.setTimestamp(10, at);
                ps.setTimestamp(11, at);
                ps.setTimestamp(12, at);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Test
    void tenThousandPendingWalkedWithKeysetPagesOldestFirstEachOnce() throws SQLException {
        long projectId = data.project("queue-reviewer");
        long articleId = data.article(projectId, "Generated", "Zelensky spoke. Then Kyiv answered.");
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        generate(projectId, articleId, "ACTOR", "gen-editor", 10_000, "SUBMITTED", start);
        generate(projectId, articleId, "ACTOR", "gen-editor", 50, "APPROVED", start);

        Set<Long> seen = new HashSet<>();
        List<Long> order = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean insertedMidway = false;
        do {
            JsonPath page = given().queryParam("project", projectId).queryParam("limit", 500)
                    .queryParam("after", after == null ? "" : after)
                    .get("/api/review/queue").then().statusCode(200).extract().jsonPath();
            List<Integer> ids = page.getList("items.id", Integer.class);
            List<String> changed = page.getList("items.created", String.class);
            for (int i = 0; i < ids.size(); i++) {
                assertTrue(seen.add(ids.get(i).longValue()), "no row twice");
                order.add(ids.get(i).longValue());
                times.add(Instant.parse(changed.get(i)));
            }
            after = page.getString("next");
            pages++;
            if (!insertedMidway && pages == 3) {
                // A newer annotation arriving mid-walk lands at the end; the cursor does not shift.
                generate(projectId, articleId, "CLAIM", "late-editor", 1, "SUBMITTED", start.plus(365, ChronoUnit.DAYS));
                insertedMidway = true;
            }
        } while (after != null);
        assertEquals(10_001, seen.size());
        assertEquals(21, pages);
        for (int i = 1; i < order.size(); i++) {
            int byTime = times.get(i - 1).compareTo(times.get(i));
            assertTrue(byTime < 0 || (byTime == 0 && order.get(i - 1) < order.get(i)), "oldest first, then by id");
        }
        given().queryParam("project", projectId).get("/api/review/queue").then()
                // Counting stops at the limit: 10,001 pending show as "1,000 or more".
                .body("countLimit", equalTo(1_000))
                .body("counts.SUBMITTED", equalTo(1_000)).body("counts.APPROVED", equalTo(50))
                .body("counts.REJECTED", equalTo(0)).body("items", hasSize(50));
    }

    @Test
    void filtersAndContext() throws SQLException {
        long projectId = data.project("queue-reviewer");
        long articleId = data.article(projectId, "Context", "Zelensky said “two soldiers” were held. Last one.");
        long otherArticle = data.article(projectId, "Other", "Zelensky in Kyiv.");
        Instant t = Instant.parse("2021-06-01T00:00:00Z");
        generate(projectId, articleId, "ACTOR", "alice", 3, "SUBMITTED", t);
        generate(projectId, articleId, "CLAIM", "bob", 2, "SUBMITTED", t);
        generate(projectId, otherArticle, "LOCATION", "bob", 1, "REJECTED", t);
        long hidden = data.project("someone-else");
        long hiddenArticle = data.article(hidden, "Hidden", "Zelensky hidden.");
        generate(hidden, hiddenArticle, "ACTOR", "alice", 4, "SUBMITTED", t);

        given().queryParam("project", projectId).queryParam("author", "alice").get("/api/review/queue").then()
                .body("items", hasSize(3)).body("counts.SUBMITTED", equalTo(3));
        given().queryParam("project", projectId).queryParam("label", "claim").get("/api/review/queue").then()
                .body("items", hasSize(2));
        given().queryParam("project", projectId).queryParam("status", "rejected").get("/api/review/queue").then()
                .body("items", hasSize(1)).body("items[0].label", equalTo("LOCATION"));
        given().queryParam("article", articleId).get("/api/review/queue").then().body("items", hasSize(5))
                .body("items[0].articleTitle", equalTo("Context"))
                .body("items[0].before", equalTo(""))
                .body("items[0].after", equalTo(" said “two soldiers” were held."));
        // Another project's annotations never show, whatever the filter.
        given().queryParam("author", "alice").get("/api/review/queue").then()
                .body("items.projectId.findAll { it == " + hidden + " }", hasSize(0));
        given().queryParam("project", hidden).get("/api/review/queue").then().body("items", hasSize(0))
                .body("counts.SUBMITTED", equalTo(0));
        given().queryParam("status", "MAYBE").get("/api/review/queue").then().statusCode(400).body("field", equalTo("status"));
        given().queryParam("after", "garbage").get("/api/review/queue").then().statusCode(400).body("field", equalTo("after"));
    }

    @Test
    void contextStopsAtSentencesAndCountsCodePoints() {
        String text = "🇺🇦 Intro. Then Zelensky spoke in Kyiv — briefly. End.";
        int start = text.codePointCount(0, text.indexOf("Zelensky"));
        SpanContext context = SpanContext.of(text, start, start + 8);
        assertEquals("Then ", context.before());
        assertEquals(" spoke in Kyiv — briefly.", context.after());
        SpanContext whole = SpanContext.of(text, 0, 2);
        assertEquals("", whole.before());
        assertFalse(whole.after().isEmpty());
    }
}
