package io.gloss.stats;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept counts against counts the test makes itself from the rows, by SQL grouping of its own,
 * after every kind of change: creation, decisions, a new label and a resubmission, a deletion
 * (soft and hard), backdating, an article retired and brought back; and taken in twice, or by two
 * takers at once, they count each annotation once.
 */
@QuarkusTest
class StatsCounterTest {

    static final String TEXT = "Officials in Odesa said drones struck the port. Kyiv blamed Moscow. Ankara offered talks.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    StatsCounter counter;

    @Inject
    AgroalDataSource dataSource;

    long projectId;
    long first;
    long second;

    @BeforeEach
    void fixture() {
        accounts.ensure("sc-ed1", "editor");
        accounts.ensure("sc-ed2", "editor");
        accounts.ensure("sc-rev", "reviewer");
        accounts.ensure("sc-admin", "admin");
        projectId = data.project("sc-ed1", "sc-ed2", "sc-rev");
        first = data.article(projectId, "First", TEXT);
        second = data.article(projectId, "Second", TEXT + " Again.");
    }

    long annotate(String user, long article, String quote, String label) {
        return accounts.as(user).contentType(ContentType.JSON).body(TestData.span(article, TEXT, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void decide(long id, String decision) {
        accounts.as("sc-rev").contentType(ContentType.JSON).body(Map.of("decision", decision, "comment", "seen"))
                .post("/api/annotations/" + id + "/decision").then().statusCode(200);
    }

    @Test
    void keptCountsEqualARecountAfterEveryKindOfChange() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String quote : List.of("Officials", "Odesa", "drones", "port", "Kyiv", "Moscow")) {
            ids.add(annotate("sc-ed1", first, quote, quote.equals("drones") ? "CLAIM" : "LOCATION"));
        }
        for (String quote : List.of("Ankara", "talks", "blamed")) {
            ids.add(annotate("sc-ed2", second, quote, "ACTOR"));
        }
        assertCountsMatchARecount("created");

        decide(ids.get(0), "APPROVE");
        decide(ids.get(1), "REJECT");
        decide(ids.get(2), "REJECT");
        decide(ids.get(6), "APPROVE");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(4);
        data.backdate(ids.get(0), day.atTime(23, 0).toInstant(ZoneOffset.UTC), day.atTime(23, 0).toInstant(ZoneOffset.UTC)
                .plusSeconds(4000));
        assertCountsMatchARecount("decided and backdated");

        int version = accounts.as("sc-ed1").get("/api/annotations/" + ids.get(1)).then().statusCode(200).extract()
                .jsonPath().getInt("version");
        accounts.as("sc-ed1").contentType(ContentType.JSON).body(Map.of("label", "ACTOR", "version", version, "resubmit", true))
                .put("/api/annotations/" + ids.get(1)).then().statusCode(200);
        decide(ids.get(1), "APPROVE");
        assertCountsMatchARecount("relabelled, resubmitted and decided again");

        accounts.as("sc-ed1").delete("/api/annotations/" + ids.get(3)).then().statusCode(204);
        data.delete(ids.get(4));
        assertCountsMatchARecount("deleted (soft and for good)");

        accounts.as("sc-admin").delete("/api/articles/" + second).then().statusCode(200);
        assertCountsMatchARecount("an article retired");
        assertEquals(4, counts("select label_id, status, n from stats_live where project_id = ?").values().stream()
                .mapToLong(Long::longValue).sum(), "the first article's six spans but the two deleted");
        accounts.as("sc-admin").post("/api/articles/" + second + "/restore").then().statusCode(200);
        assertCountsMatchARecount("the article brought back");

        execute("insert into stats_queue (annotation_id) select id from annotation where project_id = ?");
        assertCountsMatchARecount("every annotation taken in again");

        for (int i = 0; i < 3; i++) {
            execute("insert into stats_queue (annotation_id) select id from annotation where project_id = ?");
        }
        ExecutorService takers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(takers.submit(() -> {
                    while (counter.takeBatch() > 0) {
                        // until the queue is empty
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            takers.shutdown();
        }
        assertCountsMatchARecount("two takers at once");
    }

    @Test
    void aQueueTooLongToWaitForIsAnswered503UntilCounted() throws Exception {
        long id = annotate("sc-ed1", first, "Kyiv", "LOCATION");
        try (Connection holder = dataSource.getConnection()) {
            // Holding the takers' lock keeps the background thread from counting while the test looks.
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("select id from stats_lock where id = 1 for update").close();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement queue = connection.prepareStatement("insert into stats_queue (annotation_id) values (?)")) {
                for (int i = 0; i < 20_001; i++) {
                    queue.setLong(1, id);
                    queue.addBatch();
                }
                queue.executeBatch();
            }
            accounts.as("sc-rev").get("/api/projects/" + projectId + "/stats").then().statusCode(503)
                    .body("error", equalTo("counting"))
                    .body("message", containsString("Try again in a minute"));
            holder.rollback();
        }
        while (counter.pending() > 0) {
            counter.takeBatch();
        }
        accounts.as("sc-rev").get("/api/projects/" + projectId + "/stats").then().statusCode(200)
                .body("annotations.byLabel.LOCATION", equalTo(1));
    }

    void assertCountsMatchARecount(String after) throws SQLException {
        counter.catchUp();
        String live = " from annotation a join article r on r.id = a.article_id where a.project_id = ?"
                + " and a.deleted_at is null and r.retired_at is null";
        assertEquals(counts("select a.label_id, a.status, count(*)" + live + " group by a.label_id, a.status"),
                counts("select label_id, status, n from stats_live where project_id = ?"), "live, " + after);
        assertEquals(perDay("select a.created_at, a.author" + live),
                counts("select created_on, author, n from stats_created where project_id = ?"), "created, " + after);
        String decisions = " from annotation_transition t join annotation a on a.id = t.annotation_id join article r"
                + " on r.id = a.article_id where a.project_id = ? and a.deleted_at is null and r.retired_at is null"
                + " and t.to_status in ('APPROVED', 'REJECTED')";
        assertEquals(perDay("select t.at, t.actor, a.author, t.to_status" + decisions),
                counts("select decided_on, reviewer, author, status, n from stats_decided where project_id = ?"),
                "decided, " + after);
        Map<List<Object>, Long> waited = new HashMap<>();
        for (List<Object> row : rows("select t.at, t.actor, (select max(u.at) from annotation_transition u"
                + " where u.annotation_id = t.annotation_id and u.to_status = 'SUBMITTED' and u.at <= t.at)" + decisions)) {
            if (row.get(2) != null) {
                OffsetDateTime at = (OffsetDateTime) row.get(0);
                long seconds = at.toEpochSecond() - ((OffsetDateTime) row.get(2)).toEpochSecond()
                        - (at.getNano() < ((OffsetDateTime) row.get(2)).getNano() ? 1 : 0);
                waited.merge(List.of(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), row.get(1),
                        StatsWaits.coarsen(seconds)), 1L, Long::sum);
            }
        }
        assertEquals(waited, counts("select decided_on, reviewer, waited_seconds, n from stats_waited where project_id = ?"),
                "waited, " + after);
    }

    /** Rows of {@code select <key…>, <count>} as key → count; zero counts left out. */
    Map<List<Object>, Long> counts(String sql) throws SQLException {
        Map<List<Object>, Long> counts = new HashMap<>();
        for (List<Object> row : rows(sql)) {
            long n = ((Number) row.get(row.size() - 1)).longValue();
            if (n != 0) {
                counts.put(List.copyOf(row.subList(0, row.size() - 1)), n);
            }
        }
        return counts;
    }

    /** Rows whose first column is an instant, counted per its UTC day and the other columns. */
    Map<List<Object>, Long> perDay(String sql) throws SQLException {
        Map<List<Object>, Long> counts = new HashMap<>();
        for (List<Object> row : rows(sql)) {
            List<Object> key = new ArrayList<>(row);
            key.set(0, ((OffsetDateTime) row.get(0)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            counts.merge(key, 1L, Long::sum);
        }
        return counts;
    }

    /** The rows of a query on the project: numbers as longs, timestamps as OffsetDateTime, dates as LocalDate. */
    List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, projectId);
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof Number number) {
                            value = number.longValue();
                        } else if (value instanceof java.sql.Date date) {
                            value = date.toLocalDate();
                        } else if (value != null && !(value instanceof String) && !(value instanceof LocalDate)) {
                            value = rs.getObject(i, OffsetDateTime.class);
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, projectId);
            statement.executeUpdate();
        }
    }
}
