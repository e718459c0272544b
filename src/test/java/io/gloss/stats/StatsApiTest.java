package io.gloss.stats;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statistics against figures the test counts itself from the spans it made, decided and
 * backdated: two editors' spans over two days of the period and one before it, two reviewers,
 * a span on a retired article that must not count.
 */
@QuarkusTest
class StatsApiTest {

    static final long WEEK = 7 * 24 * 3600;
    static final String TEXT = "Zelensky said two soldiers were captured in Kursk. Pyongyang did not comment. Seoul confirmed.";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long projectId;
    long articleId;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final LocalDate d10 = today.minusDays(10);
    final LocalDate d3 = today.minusDays(3);

    Instant at(LocalDate day, int hour, int seconds) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC).plusSeconds(seconds);
    }

    long annotate(String user, long article, String quote, String label) {
        return accounts.as(user).contentType(ContentType.JSON).body(TestData.span(article, TEXT, quote, label, null))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void decide(String reviewer, long id, String decision) {
        accounts.as(reviewer).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", "checked"))
                .post("/api/annotations/" + id + "/decision").then().statusCode(200);
    }

    /** Made by {@code user}, decided by {@code reviewer} (null: left submitted) {@code waited} seconds after. */
    void span(String user, String quote, String label, LocalDate day, int hour, String reviewer, String decision, int waited) {
        long id = annotate(user, articleId, quote, label);
        if (reviewer != null) {
            decide(reviewer, id, decision);
        }
        data.backdate(id, at(day, hour, 0), at(day, hour, waited));
    }

    @BeforeEach
    void fixture() {
        accounts.ensure("st-ed1", "editor");
        accounts.ensure("st-ed2", "editor");
        accounts.ensure("st-ed3", "editor");
        accounts.ensure("st-rev", "reviewer");
        accounts.ensure("st-rev2", "reviewer");
        accounts.ensure("st-out", "reviewer");
        accounts.ensure("st-admin", "admin");
        projectId = data.project("st-ed1", "st-ed2", "st-ed3", "st-rev", "st-rev2");
        articleId = data.article(projectId, "Stats", TEXT);
        // st-rev waits 100, 300, 10 and 50 seconds: median (50 + 100) / 2; st-rev2 a week once.
        span("st-ed1", "Zelensky", "ACTOR", d10, 9, "st-rev", "APPROVE", 100);
        span("st-ed1", "Kursk", "LOCATION", d3, 10, "st-rev", "APPROVE", 300);
        span("st-ed1", "Pyongyang", "LOCATION", d3, 11, "st-rev", "REJECT", 10);
        span("st-ed1", "Seoul", "LOCATION", d3, 12, null, null, 0);
        span("st-ed2", "soldiers", "ACTOR", d10, 8, "st-rev2", "REJECT", (int) WEEK);
        span("st-ed2", "captured", "CLAIM", d3, 9, "st-rev", "APPROVE", 50);
        span("st-ed2", "comment", "CLAIM", d10, 7, null, null, 0);
        // Before the period: in the totals and the backlog only.
        span("st-ed2", "confirmed", "CLAIM", today.minusDays(20), 8, null, null, 0);
        long second = data.article(projectId, "Second", TEXT + " Second.");
        long retired = data.article(projectId, "Retired", TEXT + " Retired.");
        annotate("st-ed1", retired, "Zelensky", "ACTOR");
        accounts.assignDone("st-admin", projectId, articleId, "st-ed1");
        accounts.assign("st-admin", projectId, articleId, "st-ed2");
        accounts.assignDone("st-admin", projectId, second, "st-ed1");
        accounts.assignDone("st-admin", projectId, retired, "st-ed2");
        accounts.as("st-admin").delete("/api/articles/" + retired).then().statusCode(200);
    }

    JsonPath stats(String user, String query) {
        return accounts.as(user).get("/api/projects/" + projectId + "/stats" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    String period() {
        return "?from=" + today.minusDays(14) + "&to=" + today;
    }

    @Test
    void figuresMatchWhatWasDone() {
        JsonPath json = stats("st-rev", period());
        assertEquals(Map.of("total", 2, "assigned", 2, "done", 1), json.getMap("articles"));
        assertEquals(Map.of("SUBMITTED", 3, "APPROVED", 3, "REJECTED", 2, "MERGED", 0), json.getMap("annotations.byStatus"));
        assertEquals(Map.of("ACTOR", 2, "LOCATION", 3, "CLAIM", 3), json.getMap("annotations.byLabel"));

        List<Map<String, Object>> expected = new ArrayList<>();
        for (LocalDate day = today.minusDays(14); !day.isAfter(today); day = day.plusDays(1)) {
            int created = day.equals(d10) ? 3 : day.equals(d3) ? 4 : 0;
            int approved = day.equals(d10) ? 1 : day.equals(d3) ? 2 : 0;
            int rejected = day.equals(d3) ? 2 : 0;
            expected.add(Map.of("bucket", day.toString(), "created", created, "approved", approved, "rejected", rejected));
        }
        assertEquals(expected, json.getList("series"));

        assertEquals(List.of("st-ed1", "st-ed2"), json.getList("editors.username"));
        assertEquals(List.of(4, 3), json.getList("editors.created"));
        assertEquals(List.of(2, 1), json.getList("editors.approved"));
        assertEquals(List.of(1, 1), json.getList("editors.rejected"));
        assertEquals(1.0 / 3, json.getDouble("editors[0].rejectionRate"), 1e-6);
        assertEquals(0.5, json.getDouble("editors[1].rejectionRate"), 1e-6);

        assertEquals(List.of("st-rev", "st-rev2"), json.getList("reviewers.username"));
        assertEquals(List.of(4, 1), json.getList("reviewers.decided"));
        assertEquals(List.of(75, (int) StatsWaits.coarsen(WEEK)), json.getList("reviewers.medianDecisionSeconds"),
                "waits under four minutes to the second, a week within 0.8 %");

        assertEquals(3, json.getInt("backlog.submitted"));
        assertEquals(at(today.minusDays(20), 8, 0), Instant.parse(json.getString("backlog.oldestSubmitted")));
        assertEquals(List.of(), json.getList("agreement"));
    }

    /** The spans the last {@link #doubleAnnotated} made, st-ed1's first. */
    final List<Long> lastSpans = new ArrayList<>();

    /** Two editors' spans on a new article, both marked done on {@code day}. */
    long doubleAnnotated(String title, List<String> first, List<String> second, LocalDate day) {
        long article = data.article(projectId, title, TEXT + " " + title + ".");
        lastSpans.clear();
        for (String quote : first) {
            lastSpans.add(annotate("st-ed1", article, quote, "LOCATION"));
        }
        for (String quote : second) {
            annotate("st-ed3", article, quote, "LOCATION");
        }
        accounts.assignDone("st-admin", projectId, article, "st-ed1");
        accounts.assignDone("st-admin", projectId, article, "st-ed3");
        data.backdateAssignments(article, at(day, 15, 0));
        return article;
    }

    Object alphaU(long... articleIds) {
        String ids = java.util.Arrays.stream(articleIds).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(","));
        return accounts.as("st-rev").get("/api/projects/" + projectId + "/agreement?articleIds=" + ids).then().statusCode(200)
                .extract().jsonPath().get("overall.alphaU");
    }

    @Test
    void agreementOverTimeMeasuresTheArticlesCompletedInEachBucket() {
        long alike = doubleAnnotated("Alike", List.of("Kursk", "Seoul"), List.of("Kursk", "Seoul"), d10);
        long apart = doubleAnnotated("Apart", List.of("Kursk", "Seoul"), List.of("Kursk", "Pyongyang"), d3);
        long apartToo = doubleAnnotated("Apart too", List.of("Seoul"), List.of("Pyongyang", "Kursk"), d3);

        JsonPath json = stats("st-rev", period());
        assertEquals(List.of(d10.toString(), d3.toString()), json.getList("agreement.bucket"));
        assertEquals(List.of(1, 2), json.getList("agreement.articles"));
        assertEquals(1.0, json.getDouble("agreement[0].alphaU"), 1e-9, "the same spans agree fully");
        assertEquals(alphaU(alike), json.get("agreement[0].alphaU"));
        assertEquals(alphaU(apart, apartToo), json.get("agreement[1].alphaU"), "a bucket measures its articles together");
        assertTrue(json.getDouble("agreement[1].alphaU") < 1);

        // A reviewer relabels a span of the last article: its day is measured again, the other is kept.
        accounts.as("st-rev").contentType(ContentType.JSON).body(Map.of("label", "ACTOR"))
                .post("/api/annotations/" + lastSpans.get(0) + "/label").then().statusCode(200);
        JsonPath relabelled = stats("st-rev", period());
        assertEquals(alphaU(apart, apartToo), relabelled.get("agreement[1].alphaU"));
        assertTrue(!json.get("agreement[1].alphaU").equals(relabelled.get("agreement[1].alphaU")), "the relabelled day changed");
        assertEquals((Object) json.getMap("agreement[0]"), relabelled.getMap("agreement[0]"));

        JsonPath weeks = stats("st-admin", period() + "&bucket=week");
        assertEquals(List.of(d10.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
                d3.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()), weeks.getList("agreement.bucket"));
        assertEquals(List.of(), stats("st-rev", "?from=" + d3.plusDays(1) + "&to=" + today).getList("agreement"),
                "articles completed before the period are not in it");
        assertEquals(List.of(), stats("st-ed1", period()).getList("agreement"), "editors do not see agreement");

        // An admin reopens the alike article for st-ed3, who adds a span and marks it done again today.
        long assignment = accounts.as("st-ed3").get("/api/projects/" + projectId + "/assignments?articleId=" + alike)
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        accounts.mark("st-admin", assignment, "IN_PROGRESS");
        annotate("st-ed3", alike, "Pyongyang", "LOCATION");
        accounts.mark("st-ed3", assignment, "DONE");
        JsonPath changed = stats("st-rev", period());
        assertEquals(List.of(d3.toString(), today.toString()), changed.getList("agreement.bucket"),
                "an article marked done again moves to the day of its new mark");
        assertEquals(alphaU(alike), changed.get("agreement[1].alphaU"), "its new span is measured");
        assertTrue(changed.getDouble("agreement[1].alphaU") < 1);
    }

    @Test
    void aSpanMadeBeforeMidnightAndDecidedAfterCountsOnTwoUtcDays() {
        LocalDate day = today.minusDays(5);
        span("st-ed3", "Seoul", "LOCATION", day, 23, "st-rev2", "APPROVE", 3600 + 31);
        JsonPath json = stats("st-rev", period());
        assertEquals(List.of(1), json.getList("series.findAll { it.bucket == '" + day + "' }.created"));
        assertEquals(List.of(0), json.getList("series.findAll { it.bucket == '" + day + "' }.approved"));
        assertEquals(List.of(1), json.getList("series.findAll { it.bucket == '" + day.plusDays(1) + "' }.approved"));
        List<Integer> rev2 = json.getList("reviewers.findAll { it.username == 'st-rev2' }"
                + ".collect { [it.decided, it.medianDecisionSeconds] }[0]");
        assertEquals(List.of(2, (int) ((StatsWaits.coarsen(WEEK) + StatsWaits.coarsen(3631)) / 2)), rev2,
                "a week and 3,631 s: the median of an even count is the mean of the middle two, rounded down");
        assertEquals((WEEK + 3631) / 2.0, rev2.get(1), (WEEK + 3631) * 0.008, "within 0.8 % of the exact median");
    }

    @Test
    void weeksStartOnMonday() {
        JsonPath json = stats("st-admin", period() + "&bucket=week");
        LocalDate first = today.minusDays(14).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> mondays = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(today); monday = monday.plusWeeks(1)) {
            mondays.add(monday.toString());
        }
        assertEquals(mondays, json.getList("series.bucket"));
        String w10 = d10.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        String w3 = d3.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        assertEquals(List.of(3), json.getList("series.findAll { it.bucket == '" + w10 + "' }.created"));
        assertEquals(List.of(4), json.getList("series.findAll { it.bucket == '" + w3 + "' }.created"));
        assertEquals(List.of(2), json.getList("series.findAll { it.bucket == '" + w3 + "' }.rejected"));
    }

    @Test
    void editorsSeeTotalsAndTheirOwnRow() {
        JsonPath json = stats("st-ed2", period());
        assertEquals(Map.of("SUBMITTED", 3, "APPROVED", 3, "REJECTED", 2, "MERGED", 0), json.getMap("annotations.byStatus"));
        assertEquals(List.of("st-ed2"), json.getList("editors.username"));
        assertEquals(3, json.getInt("editors[0].created"));
        assertEquals(List.of(), json.getList("reviewers"));

        JsonPath idle = stats("st-ed3", period());
        assertEquals(List.of("st-ed3"), idle.getList("editors.username"));
        assertEquals(0, idle.getInt("editors[0].created"));
        assertNull(idle.get("editors[0].rejectionRate"));

        accounts.as("st-out").get("/api/projects/" + projectId + "/stats").then().statusCode(404);
    }

    @Test
    void theDefaultPeriodIsTheLastThirtyDays() {
        JsonPath json = stats("st-rev", "");
        LocalDate to = LocalDate.parse(json.getString("to"));
        assertEquals(to.minusDays(29).toString(), json.getString("from"));
        assertEquals(30, json.getList("series").size());
        assertEquals("day", json.getString("bucket"));
    }

    @Test
    void badParametersAre400NamingThem() {
        String base = "/api/projects/" + projectId + "/stats";
        accounts.as("st-rev").get(base + "?from=2026-13-01").then().statusCode(400).body("field", equalTo("from"));
        accounts.as("st-rev").get(base + "?to=yesterday").then().statusCode(400).body("field", equalTo("to"));
        accounts.as("st-rev").get(base + "?from=2026-03-02&to=2026-03-01").then().statusCode(400).body("field", equalTo("to"));
        accounts.as("st-rev").get(base + "?bucket=month").then().statusCode(400).body("field", equalTo("bucket"));
        accounts.as("st-rev").get(base + "?from=2024-01-01&to=2025-12-31").then().statusCode(400).body("field", equalTo("from"));
        accounts.as("st-rev").get(base + "?from=2024-01-01&to=2025-12-31&bucket=week").then().statusCode(200);
        accounts.as("st-rev").get(base + "?from=+10000-01-01").then().statusCode(400).body("field", equalTo("from"));
        accounts.as("st-rev").get(base + "?format=xml").then().statusCode(400).body("field", equalTo("format"));
    }

    @Test
    void csvHoldsTheSeriesAndThePeople() {
        String csv = accounts.as("st-rev").get("/api/projects/" + projectId + "/stats" + period() + "&format=csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("table,bucket,username,created,approved,rejected,rejectionRate,decided,medianDecisionSeconds,alphaU,articles",
                lines.get(0));
        assertEquals(1 + 15 + 2 + 2, lines.size());
        assertEquals("series," + d3 + ",,4,2,2,,,,,", lines.get(1 + 11));
        assertEquals("editor,,st-ed1,4,2,1," + (1.0 / 3) + ",,,,", lines.get(16));
        assertEquals("editor,,st-ed2,3,1,1,0.5,,,,", lines.get(17));
        assertEquals("reviewer,,st-rev,,,,,4,75,,", lines.get(18));
        assertEquals("reviewer,,st-rev2,,,,,1," + StatsWaits.coarsen(WEEK) + ",,", lines.get(19));
        assertEquals(csv, accounts.as("st-rev").get("/api/projects/" + projectId + "/stats" + period() + "&format=csv")
                .then().statusCode(200).extract().asString());
    }
}
