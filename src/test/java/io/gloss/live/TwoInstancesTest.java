package io.gloss.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Two real Gloss servers, A and B, on one PostgreSQL database, as two replicas behind a proxy
 * are: the packaged app re-targeted to PostgreSQL and started twice with {@code java -jar}, on
 * two ports, with the same session key and a database of their own (created here, dropped
 * after). Whatever one instance does, the other must show: live changes, replays, sessions,
 * and who is on an article, a dataset built by the one (or finished by the other when the one dies); and behind docker/Caddyfile's proxy, a session outlives the instance
 * that served it.
 *
 * <p>It needs the packaged app, so it runs in the {@code postgresql-suite} of {@code ./mvnw verify}
 * (after {@code package}), which sets {@code gloss.two-instances.app}; the Surefire run before the
 * package skips it. Each instance logs to {@code target/two-instances/<name>.log}; a failing test
 * prints both logs. A scenario that kills an instance needs not start it again: the next test
 * gets a fresh one.
 */
@EnabledIfSystemProperty(named = "gloss.two-instances.app", matches = ".+",
        disabledReason = "needs the packaged app and PostgreSQL: runs in the postgresql-suite of ./mvnw verify, after package")
class TwoInstancesTest {

    /** What crosses from one instance to the other arrives well within this (the margin is for a loaded machine). */
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration START = Duration.ofSeconds(90);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(2);
    static final Duration LEASE = Duration.ofSeconds(3);
    /** Articles of the project the takeover scenario exports: enough for a build that lasts a while. */
    static final int BIG_ARTICLES = 3_000;
    static final String PASSWORD = "two-instances-2026";
    static final String TEXT = "Zelensky said two soldiers were captured in Kursk. Pyongyang did not comment.";
    static final Path WORK = Path.of("target", "two-instances").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    /** postgresql://host:port/ of the suite's database, and that database's name. */
    static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");

    static String server;
    static String database;
    static Path app;
    static Map<String, String> shared;
    static GlossInstance a;
    static GlossInstance b;
    static long projectId;

    /** Both instances' logs with any failure, so that a server-side cause is seen at once. */
    @RegisterExtension
    static final TestWatcher PRINT_LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (GlossInstance instance : new GlossInstance[] {a, b}) {
                if (instance != null) {
                    System.out.println("===== " + instance.name() + " (" + instance.logFile() + ") =====\n" + instance.log());
                }
            }
        }
    };

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("quarkus.datasource.db-kind")),
                "two instances share a PostgreSQL database (H2 is one instance's)");
        Matcher url = JDBC_URL.matcher(System.getProperty("quarkus.datasource.jdbc.url", ""));
        assertTrue(url.matches(), "a PostgreSQL JDBC URL: " + System.getProperty("quarkus.datasource.jdbc.url"));
        server = url.group(1);
        database = "gloss_two_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        GlossInstance.deleteTree(WORK); // the last run's logs and data directories
        app = GlossInstance.retarget(Path.of(System.getProperty("gloss.two-instances.app")), WORK, "postgresql");
        execute("create database " + database);

        shared = new HashMap<>();
        shared.put("QUARKUS_DATASOURCE_JDBC_URL", server + database + Optional.ofNullable(url.group(3)).orElse(""));
        shared.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("quarkus.datasource.username", "postgres"));
        Optional.ofNullable(System.getProperty("quarkus.datasource.password"))
                .ifPresent(password -> shared.put("QUARKUS_DATASOURCE_PASSWORD", password));
        // The one key of the deployment (docker/compose.yml's GLOSS_SESSION_KEY), random per run.
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        shared.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        shared.put("GLOSS_DEMO_PASSWORD", PASSWORD);
        // A stream that went away is noticed at the next keep-alive (and its person leaves the presence then):
        // every 2 s instead of 15, so that leaving takes no longer than joining.
        shared.put("GLOSS_LIVE_KEEP_ALIVE", KEEP_ALIVE.toSeconds() + "s");
        // A dead instance's dataset build is taken over once its lease runs out: 3 s, not 30.
        shared.put("GLOSS_DATASETS_LEASE", LEASE.toSeconds() + "s");

        // Both start at once, as replicas do (Flyway takes a lock on PostgreSQL); only A loads the
        // demo project and its users, which both then serve.
        a = start("a", true);
        b = start("b", false);
        a.awaitReady(START);
        b.awaitReady(START);
        projectId = as(a, "admin").get("/api/projects").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    /** Instance {@code name} of the deployment, with a data directory of its own (nothing in it is shared). */
    static GlossInstance start(String name, boolean demo) throws IOException {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("GLOSS_DATA_DIR", WORK.resolve(name + "-data").toString());
        settings.put("GLOSS_DEMO_ENABLED", String.valueOf(demo));
        // B logs for a log collector, A for a person: the switch is an environment variable (README).
        settings.put("GLOSS_LOG_JSON", String.valueOf(name.equals("b")));
        return GlossInstance.start(name, app, settings, WORK);
    }

    /** An instance an earlier scenario killed is started again, so every test finds A and B running. */
    @BeforeEach
    void restartKilled() throws Exception {
        if (a != null && !a.isAlive()) {
            a = start("a", false).awaitReady(START);
        }
        if (b != null && !b.isAlive()) {
            b = start("b", false).awaitReady(START);
        }
    }

    @AfterAll
    static void stopAndDropTheDatabase() throws Exception {
        try {
            for (GlossInstance instance : new GlossInstance[] {a, b}) {
                if (instance != null) {
                    instance.kill();
                }
            }
        } finally {
            if (database != null) {
                execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /**
     * Quarkus ignores a {@code quarkus.*} key that no extension reads, with only a warning, so a
     * misspelt setting would silently not apply. The packaged app (re-augmented, then started as
     * production starts it) must warn of none.
     */
    @Test
    void noConfigurationKeyIsIgnored() throws Exception {
        String output = Files.readString(WORK.resolve("retarget.log")) + a.log();
        List<String> ignored = output.lines().filter(l -> l.contains("Unrecognized configuration key")).toList();
        assertEquals(List.of(), ignored, "keys in application.properties that nothing reads");
    }

    @Test
    void glossLogJsonMakesEveryLogLineAJsonObject() throws Exception {
        List<String> jsonLines = b.log().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(jsonLines.stream().anyMatch(l -> l.contains("started in")), "B's start is logged: " + jsonLines);
        for (String line : jsonLines) {
            JsonNode entry = JSON.readTree(line);
            assertTrue(entry.isObject() && entry.has("level") && entry.has("loggerName") && entry.has("message"), line);
        }
        String started = a.log().lines().filter(l -> l.contains("started in")).findFirst().orElseThrow();
        assertFalse(started.startsWith("{"), "A logs plain text: " + started);
    }

    @Test
    void anAnnotationCreatedOnAReachesAStreamOnB() throws Exception {
        long article = article("Across instances");
        try (SseClient onB = stream(b, article, null)) {
            long id = annotate(a, article, "Zelensky", "ACTOR");
            SseClient.Event created = onB.next("annotation", WAIT);
            assertNotNull(created, "B's stream receives the annotation A committed within " + WAIT);
            JsonNode body = JSON.readTree(created.data());
            assertEquals("created", body.path("type").asText());
            assertEquals(id, body.path("annotation").path("id").asLong());
            assertEquals("Zelensky", body.path("annotation").path("quote").asText());
        }
    }

    @Test
    void aReconnectOnBReplaysExactlyTheChangesMissedMeanwhile() throws Exception {
        long article = article("Replayed across instances");
        long other = article("Another article of the project");
        long first = annotate(a, article, "Zelensky", "ACTOR");
        String seen;
        try (SseClient onB = stream(b, article, "0")) {
            SseClient.Event created = onB.next("annotation", WAIT);
            assertNotNull(created, "the replay from 0 holds the first annotation");
            seen = created.id();
        }

        // Away: three changes to the article and one to another article, all made on A.
        long second = annotate(a, article, "Kursk", "LOCATION");
        as(a, "reviewer").contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + first + "/decision").then().statusCode(200);
        annotate(a, other, "Pyongyang", "LOCATION");
        long third = annotate(a, article, "Pyongyang", "LOCATION");

        List<String> expected = new ArrayList<>();
        for (JsonNode item : JSON.readTree(as(a, "reviewer").get("/api/projects/" + projectId + "/changes?after=" + seen)
                .then().statusCode(200).extract().asString()).path("items")) {
            if (item.path("annotation").path("articleId").asLong() == article) {
                expected.add(item.path("cursor").asText() + " " + item.path("type").asText() + " "
                        + item.path("annotation").path("id").asLong());
            }
        }
        assertEquals(List.of("created " + second, "decided " + first, "created " + third),
                expected.stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList(), "A's changes feed");

        try (SseClient onB = stream(b, article, seen)) {
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                SseClient.Event event = onB.next("annotation", WAIT);
                assertNotNull(event, "replayed so far: " + replayed + ", expected " + expected);
                JsonNode body = JSON.readTree(event.data());
                replayed.add(event.id() + " " + body.path("type").asText() + " " + body.path("annotation").path("id").asLong());
            }
            assertEquals(expected, replayed, "B replays, in order and with A's cursors, exactly what was missed");
            assertNull(onB.next("annotation", Duration.ofSeconds(1)), "nothing twice, nothing more");
        }
    }

    @Test
    void aSessionMadeOnAWorksOnB() throws Exception {
        long article = article("One session, two instances");
        String session = login(a.port());
        String token = csrfToken(a.port(), session);

        on(b).cookie("gloss-session", session).get("/api/me").then().statusCode(200).body("username", equalTo("editor"));
        Map<String, Object> span = span(article, "Kursk", "LOCATION");
        on(b).cookie("gloss-session", session).contentType(ContentType.JSON).body(span)
                .post("/api/annotations").then().statusCode(403);
        on(b).cookie("gloss-session", session).header("X-CSRF-Token", token).contentType(ContentType.JSON).body(span)
                .post("/api/annotations").then().statusCode(201).body("author", equalTo("editor"));

        // Logging out on B ends the session on A as well: it is one row of the shared database.
        assertEquals(303, on(b).cookie("gloss-session", session).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("_csrf", token).post("/logout").statusCode());
        on(a).cookie("gloss-session", session).get("/api/me").then().statusCode(401);
    }

    @Test
    void behindTheDeploymentsProxyASessionOutlivesItsInstance() throws Exception {
        long article = article("Behind the proxy");
        try (CaddyProxy proxy = CaddyProxy.start(WORK, List.of(a, b))) {
            String session = login(proxy.port());
            String token = csrfToken(proxy.port(), session);
            URI events = URI.create("http://127.0.0.1:" + proxy.port() + "/api/articles/" + article + "/events");
            try (SseClient stream = SseClient.open(events, "Cookie", "gloss-session=" + session, null)) {
                // Round robin sends the writes to A and B in turn; the stream, held by one of them, gets them all at once.
                for (String quote : List.of("Zelensky", "Kursk", "Pyongyang")) {
                    long id = on(proxy.port()).cookie("gloss-session", session).header("X-CSRF-Token", token)
                            .contentType(ContentType.JSON).body(span(article, quote, "LOCATION")).post("/api/annotations")
                            .then().statusCode(201).extract().jsonPath().getLong("id");
                    SseClient.Event event = stream.next("annotation", WAIT);
                    assertNotNull(event, "the stream through the proxy gets " + quote + " within " + WAIT + "\n" + proxy.log());
                    assertEquals(id, JSON.readTree(event.data()).path("annotation").path("id").asLong());
                }
            }

            a.kill();
            // Reads go on at once: the proxy retries on B a request it could not deliver to A.
            for (int i = 0; i < 4; i++) {
                on(proxy.port()).cookie("gloss-session", session).get("/api/me").then().statusCode(200)
                        .body("username", equalTo("editor"));
            }
            // A write the proxy sends to A is answered 502 by Caddy before 2.11.2 (it cannot resend the body,
            // caddy issue 7546) until the health check takes A out of the rotation; from then on every write,
            // with the session and token made through either instance, goes to B.
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status = write(proxy.port(), session, token, article, "said");
            while (status == 502 && System.nanoTime() < end) {
                Thread.sleep(250);
                status = write(proxy.port(), session, token, article, "said");
            }
            assertEquals(201, status, "a write through the proxy once A is out of the rotation\n" + proxy.log());
            for (String word : List.of("two", "captured", "comment")) {
                assertEquals(201, write(proxy.port(), session, token, article, word), "every write after it\n" + proxy.log());
            }
        }
    }

    /** The editor's annotation of {@code quote} with a page session and its CSRF token: the status. */
    static int write(int port, String session, String token, long article, String quote) {
        return on(port).cookie("gloss-session", session).header("X-CSRF-Token", token).contentType(ContentType.JSON)
                .body(span(article, quote, "CLAIM")).post("/api/annotations").statusCode();
    }

    @Test
    void whoIsOnAnArticleCrossesInstances() throws Exception {
        long article = article("Together on two instances");
        try (SseClient reviewerOnB = stream(b, article, null, "reviewer")) {
            assertPresence(reviewerOnB, WAIT, "reviewer");
            try (SseClient editorOnA = stream(a, article, null, "editor")) {
                assertPresence(editorOnA, WAIT, "editor", "reviewer");
                assertPresence(reviewerOnB, WAIT, "editor", "reviewer");
            }
            // A notices within a second that the editor's stream went away; B's list drops the editor.
            assertPresence(reviewerOnB, KEEP_ALIVE.plus(WAIT), "reviewer");
        }
    }

    @Test
    void aDatasetBuiltOnADownloadsByteIdenticalFromB() throws Exception {
        article("Exported from either instance");
        long dataset = queueDataset(a, projectId, "Built on A");
        JsonNode built = awaitDataset(b, dataset, Duration.ofSeconds(60));
        assertEquals("DONE", built.path("state").asText(), built.toString());
        assertTrue(built.path("files").size() >= 2, "the data and the manifest at least: " + built);
        for (JsonNode file : built.path("files")) {
            String path = "/api/datasets/" + dataset + "/files/" + file.path("name").asText();
            byte[] fromA = as(a, "reviewer").get(path).then().statusCode(200).extract().asByteArray();
            byte[] fromB = as(b, "reviewer").get(path).then().statusCode(200).extract().asByteArray();
            assertEquals(file.path("bytes").asLong(), fromB.length, file.toString());
            assertEquals(file.path("sha256").asText(), sha256(fromB), "B serves the bytes A recorded: " + file);
            assertTrue(Arrays.equals(fromA, fromB), "byte-identical from A and B: " + file);
        }
    }

    @Test
    void killingAMidBuildLeavesBToFinishIt() throws Exception {
        long project = bigProject();
        long dataset = queueDataset(a, project, "Taken over");
        // A hears of its own queued build at once (B only at its next scan), and claims it.
        String claimedBy = awaitBuildingClaim(dataset, Duration.ofSeconds(30));
        a.kill();
        assertEquals("RUNNING", state(dataset), "A was killed in the middle of its build, not after it");

        JsonNode built = awaitDataset(b, dataset, LEASE.plus(Duration.ofSeconds(90)));
        assertEquals("DONE", built.path("state").asText(), "B finished the build A left\n" + b.log());
        String finishedBy = claimedBy(dataset);
        assertTrue(finishedBy == null || !finishedBy.equals(claimedBy), "not under A's claim (" + claimedBy + ")");
        assertEquals(BIG_ARTICLES, built.path("manifest").path("counts").path("articles").asInt(), "every article exported once");
        for (JsonNode file : built.path("files")) {
            byte[] bytes = as(b, "reviewer").get("/api/datasets/" + dataset + "/files/" + file.path("name").asText())
                    .then().statusCode(200).extract().asByteArray();
            assertEquals(file.path("sha256").asText(), sha256(bytes), file.toString());
        }
    }

    /** A project of {@link #BIG_ARTICLES} articles of about 6,000 characters, imported on A, with the demo's reviewer as member. */
    static long bigProject() {
        long project = as(a, "admin").contentType(ContentType.JSON).body(Map.of("name", "Big " + System.nanoTime()))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        for (String member : List.of("reviewer", "editor")) {
            as(a, "admin").contentType(ContentType.JSON).body(Map.of("username", member))
                    .post("/api/projects/" + project + "/members").then().statusCode(lessThan(300));
        }
        String paragraph = (TEXT + " ").repeat(75);
        for (int batch = 0; batch < BIG_ARTICLES / 500; batch++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                int n = batch * 500 + i;
                lines.append(JSON.createObjectNode().put("title", "Article " + n).put("text", "No. " + n + ". " + paragraph))
                        .append('\n');
            }
            as(a, "admin").contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/projects/" + project + "/articles/import").then().statusCode(200).body("imported", equalTo(500));
        }
        return project;
    }

    static long queueDataset(GlossInstance instance, long project, String name) {
        return as(instance, "reviewer").contentType(ContentType.JSON)
                .body(Map.of("projectId", project, "name", name, "format", "jsonl", "statuses", List.of("APPROVED", "SUBMITTED")))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    /** The dataset as {@code instance} answers once its build has ended (or as it is when {@code timeout} runs out). */
    static JsonNode awaitDataset(GlossInstance instance, long dataset, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode body;
        do {
            body = JSON.readTree(as(instance, "reviewer").get("/api/datasets/" + dataset).then().statusCode(200).extract().asString());
            if (!List.of("QUEUED", "RUNNING").contains(body.path("state").asText())) {
                return body;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return body;
    }

    /** Waits until an instance has claimed the build and started it: the claimant's id. */
    static String awaitBuildingClaim(long dataset, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String claimant = claimedBy(dataset);
            if (claimant != null && "RUNNING".equals(state(dataset))) {
                return claimant;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no instance started building dataset " + dataset + " within " + timeout);
    }

    static String state(long dataset) throws SQLException {
        return column(dataset, "state");
    }

    static String claimedBy(long dataset) throws SQLException {
        return column(dataset, "claimed_by");
    }

    /** A column of the dataset's row, read straight from the instances' database. */
    static String column(long dataset, String column) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + database,
                System.getProperty("quarkus.datasource.username", "postgres"), System.getProperty("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select " + column + " from dataset where id = " + dataset)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A request to {@code instance}, nobody logged in. */
    static RequestSpecification on(GlossInstance instance) {
        return on(instance.port());
    }

    /** A request to a port of this machine: an instance's or the proxy's. */
    static RequestSpecification on(int port) {
        return given().baseUri("http://127.0.0.1").port(port);
    }

    /** The editor's page login: the session cookie. */
    static String login(int port) {
        Response login = on(port).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "editor").formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(303, login.statusCode(), "the login");
        String session = login.getCookie("gloss-session");
        assertNotNull(session, "the login sets the session cookie");
        return session;
    }

    /** The CSRF token a page puts in its forms for the session's user. */
    static String csrfToken(int port, String session) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(
                on(port).cookie("gloss-session", session).get("/").then().statusCode(200).extract().asString());
        assertTrue(csrf.find(), "the page carries a CSRF token");
        return csrf.group(1);
    }

    static Map<String, Object> span(long article, String quote, String label) {
        int start = TEXT.indexOf(quote);
        return Map.of("articleId", article, "label", label, "start", start, "end", start + quote.length(), "quote", quote);
    }

    static RequestSpecification as(GlossInstance instance, String username) {
        return on(instance).auth().preemptive().basic(username, PASSWORD);
    }

    static SseClient stream(GlossInstance instance, long article, String lastEventId) throws IOException, InterruptedException {
        return stream(instance, article, lastEventId, "reviewer");
    }

    static SseClient stream(GlossInstance instance, long article, String lastEventId, String username)
            throws IOException, InterruptedException {
        return SseClient.open(instance.uri("/api/articles/" + article + "/events"), "Authorization", basic(username), lastEventId);
    }

    /** Waits for the stream to say that exactly these people are on its article (states on the way are skipped). */
    static void assertPresence(SseClient stream, Duration timeout, String... users) throws Exception {
        String expected = JSON.writeValueAsString(Map.of("users", List.of(users)));
        long end = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            SseClient.Event event = stream.next("presence", Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (event == null) {
                break;
            }
            if (event.data().equals(expected)) {
                return;
            }
            seen.add(event.data());
        }
        throw new AssertionError("presence " + expected + " did not come within " + timeout + "; came: " + seen);
    }

    static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A new article of the demo project, made on A, with {@link #TEXT} under its own title (texts are unique per project). */
    static long article(String title) {
        return as(a, "admin").contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", TEXT + " (" + title + ")"))
                .post("/api/projects/" + projectId + "/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long annotate(GlossInstance instance, long article, String quote, String label) {
        return as(instance, "editor").contentType(ContentType.JSON).body(span(article, quote, label)).post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** One statement on the server's maintenance database (creating or dropping the instances' database). */
    static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + "postgres",
                System.getProperty("quarkus.datasource.username", "postgres"), System.getProperty("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
