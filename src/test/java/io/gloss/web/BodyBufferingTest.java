package io.gloss.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.auth.Role;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Request bodies are read before a worker thread takes the request (io.gloss.web.BodyBuffering). */
@QuarkusTest
class BodyBufferingTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    BodyBuffering buffering;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int workers;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    HttpBodyConfig config;

    /**
     * Java's HttpClient, curl --http2 and others ask a plain-HTTP server to upgrade to HTTP/2
     * (h2c) on their first request, body and all: the body must reach the endpoint once, whole.
     */
    @Test
    void aBodySentWithAnUpgradeToHttp2IsReadOnce() throws Exception {
        accounts.ensure("h2c-admin", Role.ADMIN);
        long project = data.project("h2c-admin");
        String json = "{\"title\":\"Upgrade\",\"text\":\"Lviv’s trams ran again — on time.\"}";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("api/projects/" + project + "/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("h2c-admin:" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        long id = JsonPath.from(response.body()).getLong("id");
        accounts.as("h2c-admin").get("/api/articles/" + id).then().statusCode(200)
                .body("text", equalTo("Lviv’s trams ran again — on time."));
    }

    @Test
    void clientsSendingTheirBodiesSlowlyHoldNoWorker() throws Exception {
        accounts.ensure("slow-editor", Role.EDITOR);
        long project = data.project("slow-editor");
        int clients = workers + 4;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < clients; i++) {
            text.append("w").append((char) ('a' + i)).append(' ');
        }
        long article = data.article(project, "Slow bodies", text.toString().strip());
        String auth = basic("slow-editor");

        List<Socket> slow = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        try {
            // More clients than workers send their headers and half a body, then stall.
            for (int i = 0; i < clients; i++) {
                byte[] body = ("{\"articleId\":" + article + ",\"label\":\"ACTOR\",\"start\":" + 3 * i + ",\"end\":"
                        + (3 * i + 2) + ",\"quote\":\"w" + (char) ('a' + i) + "\"}").getBytes(StandardCharsets.UTF_8);
                Socket socket = startPost("Authorization: " + auth + "\r\n", body.length);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(body, 0, body.length / 2);
                socket.getOutputStream().flush();
                slow.add(socket);
                rests.add(Arrays.copyOfRange(body, body.length / 2, body.length));
            }
            Thread.sleep(500);

            // Someone else's call that needs a worker is answered while they stall.
            HttpResponse<String> other;
            try {
                other = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(base.resolve("/api/projects/" + project))
                        .header("Authorization", auth).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new AssertionError("No answer in 10 s: the slow clients hold every worker thread", e);
            }
            assertEquals(200, other.statusCode(), other.body());

            // And once their bodies arrive, each of them is created from the body it sent.
            for (int i = 0; i < clients; i++) {
                slow.get(i).getOutputStream().write(rests.get(i));
                slow.get(i).getOutputStream().flush();
            }
            for (Socket socket : slow) {
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertTrue(status != null && status.startsWith("HTTP/1.1 201"), "answer to a slow client: " + status);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            quotes.add("w" + (char) ('a' + i));
        }
        assertEquals(quotes, accounts.as("slow-editor").get("/api/articles/" + article + "/annotations").then()
                .statusCode(200).extract().jsonPath().getList("items.quote"));
        awaitHeld(0, "bytes still counted as read ahead once every answer is out");
    }

    @Test
    void aClientLeavingMidBodyGivesBackWhatItsBodyHeldAndLogsNothing() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
                if (record.getLevel().intValue() >= Level.WARNING.intValue()
                        && (logger.startsWith("io.vertx") || logger.startsWith("io.quarkus.vertx.http"))) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            try (Socket socket = startPost("", 1000)) {
                socket.getOutputStream().write("{\"articleId\":".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                awaitHeld(1000, "the body being read ahead is counted");
            }
            awaitHeld(0, "bytes still counted after the client left");
            Thread.sleep(200); // the failure, if any, is logged on the event loop after the count drops
        } finally {
            root.removeHandler(capture);
        }
        // Nobody is left to answer, and a client hanging up is no server error.
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    @Test
    void bodiesOfEveryKindTricklingInHoldNoWorkerAndOthersAreAnsweredWithinASecond() throws Exception {
        accounts.ensure("trickle-admin", Role.ADMIN, Role.EDITOR);
        long project = data.project("trickle-admin");
        String basic = "Authorization: " + basic("trickle-admin") + "\r\n";
        String token = accounts.as("trickle-admin").contentType("application/json").body(Map.of("name", "probe"))
                .post("/api/me/tokens").then().statusCode(201).extract().path("token");
        String boundary = "gloss-boundary";
        List<Socket> slow = new ArrayList<>();
        try {
            // More trickling clients than workers, of every kind of body: large JSON, JSON Lines, a
            // multipart upload, a form, and a chunked body of unknown length.
            for (int i = 0; i < workers + 4; i++) {
                String head = switch (i % 6) {
                    case 0, 1 -> post("/api/annotations", basic, "application/json", 100_000);
                    case 2 -> post("/api/projects/" + project + "/articles/import", basic, "application/x-ndjson", 100_000);
                    case 3 -> post("/projects/" + project + "/import/files", basic, "multipart/form-data; boundary=" + boundary,
                            100_000);
                    case 4 -> post("/projects/" + project + "/import/text", basic, "application/x-www-form-urlencoded", 100_000);
                    default -> i == 5 ? "POST /api/annotations HTTP/1.1\r\nHost: localhost\r\n" + basic
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n"
                            : post("/api/annotations", basic, "application/json", 100_000);
                };
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(i % 6 == 3 ? ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII)
                        : i == 5 ? new byte[0] : "{".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            Thread trickle = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        for (int i = 0; i < slow.size(); i++) {
                            slow.get(i).getOutputStream().write(i == 5 ? "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII)
                                    : new byte[] {' '});
                            slow.get(i).getOutputStream().flush();
                        }
                        Thread.sleep(250);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            }, "trickle");
            trickle.start();
            try {
                Thread.sleep(1_000);
                // Others' calls that need a worker and the database are answered while they trickle.
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> other;
                    try {
                        other = client.send(HttpRequest.newBuilder(base.resolve("/api/projects/" + project))
                                .header("Authorization", "Token " + token).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (HttpTimeoutException e) {
                        throw new AssertionError("No answer in 5 s: the trickling clients hold every worker thread", e);
                    }
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertEquals(200, other.statusCode(), other.body());
                    assertTrue(millis < 1_000, "answered in " + millis + " ms while bodies trickle");
                }
            } finally {
                trickle.interrupt();
                trickle.join();
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        awaitHeld(0, "bytes still counted after the trickling clients left");
    }

    @Test
    void aBodyThatTakesLongerThanTheTimeoutIsAnswered408AndGivesItsShareBack() throws Exception {
        try (Socket socket = startPost("", 1000)) {
            socket.setSoTimeout((int) config.bodyTimeout().toMillis() + 10_000);
            socket.getOutputStream().write("{\"articleId\":".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.currentTimeMillis();
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 408 Request Timeout", answer.readLine());
            long waited = System.currentTimeMillis() - started;
            assertTrue(waited >= config.bodyTimeout().toMillis() - 1_000, "answered after " + waited + " ms");
            String rest = answer.lines().reduce("", (a, b) -> a + b + "\n"); // ends: the connection is closed
            assertTrue(rest.contains("\"error\":\"body_timeout\""), rest);
        }
        awaitHeld(0, "a timed out body still counted");
    }

    @Test
    void aClientOverItsShareIsAnswered503WithRetryAfterAtOnce() throws Exception {
        accounts.ensure("share-editor", Role.EDITOR);
        long project = data.project("share-editor");
        long article = data.article(project, "Over the share", "One more body arrives.");
        // One stalled body of the largest size allowed takes most of this address' share...
        try (Socket stalled = startPost("", (int) maxBodySize.asLongValue())) {
            awaitHeld(maxBodySize.asLongValue(), "the stalled body is counted");
            long room = config.bufferedBodiesPerClient().asLongValue() - maxBodySize.asLongValue();
            // ...so a body longer than what is left is refused at once, before it is read, and never reaches a worker.
            try (Socket extra = startPost("", (int) room + 1)) {
                extra.setSoTimeout(5_000);
                BufferedReader answer = new BufferedReader(new InputStreamReader(extra.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("HTTP/1.1 503 Service Unavailable", answer.readLine());
                String rest = answer.lines().reduce("", (a, b) -> a + b + "\n");
                assertTrue(rest.toLowerCase(java.util.Locale.ROOT).contains("retry-after: " + BodyBuffering.RETRY_AFTER_SECONDS), rest);
                assertTrue(rest.contains("\"error\":\"busy\"") && rest.contains("from your address"), rest);
            }
            assertEquals(maxBodySize.asLongValue(), buffering.budget().held(), "a refused body is not counted");
            // A body that fits is read as usual.
            accounts.as("share-editor").contentType("application/json")
                    .body(Map.of("articleId", article, "label", "ACTOR", "start", 0, "end", 3, "quote", "One"))
                    .post("/api/annotations").then().statusCode(201);
        }
        awaitHeld(0, "bytes still counted after the stalled client left");
    }

    /** A connection that has sent the head of a JSON POST announcing {@code length} bytes, and no body yet. */
    private Socket startPost(String extraHeaders, int length) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.getOutputStream().write(post("/api/annotations", extraHeaders, "application/json", length)
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private String post(String path, String extraHeaders, String contentType, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n" + extraHeaders + "Content-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The count changes on the event loop, so soon after the request does. */
    private void awaitHeld(long expected, String why) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (buffering.budget().held() != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, buffering.budget().held(), why);
    }

    @Test
    void aLongJsonBodyArrivesWhole() {
        accounts.ensure("big-admin", Role.ADMIN);
        long project = data.project("big-admin");
        String text = "Gloss reads a long article in one piece. ".repeat(3_000) + "The end."; // ~120 KB
        accounts.as("big-admin").contentType("application/json")
                .body(Map.of("title", "Long", "source", "test", "text", text))
                .post("/api/projects/" + project + "/articles").then().statusCode(201)
                .body("length", equalTo(text.length()));
    }
}
