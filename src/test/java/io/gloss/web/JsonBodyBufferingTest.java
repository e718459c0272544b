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

/** JSON bodies are read before a worker thread takes the request (io.gloss.web.JsonBodyBuffering). */
@QuarkusTest
class JsonBodyBufferingTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    JsonBodyBuffering buffering;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int workers;

    @ConfigProperty(name = "gloss.http.buffered-body-limit")
    MemorySize limit;

    @ConfigProperty(name = "gloss.http.buffered-bodies-max")
    MemorySize budget;

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
    void bodiesOverTheBudgetStreamToAWorkerAndAreNotCounted() throws Exception {
        accounts.ensure("budget-editor", Role.EDITOR);
        long project = data.project("budget-editor");
        long article = data.article(project, "Over the budget", "One more body arrives.");
        assertEquals(0, budget.asLongValue() % limit.asLongValue(), "the budget is filled by whole bodies of the largest size");
        int fill = (int) (budget.asLongValue() / limit.asLongValue());
        List<Socket> stalled = new ArrayList<>();
        try {
            // Bodies of the largest size read ahead take the whole budget and stall.
            for (int i = 0; i < fill; i++) {
                stalled.add(startPost("", (int) limit.asLongValue()));
            }
            awaitHeld(budget.asLongValue(), "the stalled bodies fill the budget");

            // One more, small, is not read ahead: nothing is added to the count while it waits...
            byte[] body = ("{\"articleId\":" + article + ",\"label\":\"ACTOR\",\"start\":0,\"end\":3,\"quote\":\"One\"}")
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket extra = startPost("Authorization: " + basic("budget-editor") + "\r\n", body.length)) {
                extra.setSoTimeout(30_000);
                extra.getOutputStream().write(body, 0, body.length / 2);
                extra.getOutputStream().flush();
                Thread.sleep(300);
                assertEquals(budget.asLongValue(), buffering.held(), "a body over the budget was counted");
                // ...and it still arrives whole, through a worker.
                extra.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
                extra.getOutputStream().flush();
                String status = new BufferedReader(new InputStreamReader(extra.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertTrue(status != null && status.startsWith("HTTP/1.1 201"), "answer over the budget: " + status);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        awaitHeld(0, "bytes still counted after the stalled clients left");
        assertEquals(List.of("One"), accounts.as("budget-editor").get("/api/articles/" + article + "/annotations").then()
                .statusCode(200).extract().jsonPath().getList("items.quote"));
    }

    /** A connection that has sent the head of a JSON POST announcing {@code length} bytes, and no body yet. */
    private Socket startPost(String extraHeaders, int length) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.getOutputStream().write(("POST /api/annotations HTTP/1.1\r\nHost: " + base.getHost() + "\r\n" + extraHeaders
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The count changes on the event loop, so soon after the request does. */
    private void awaitHeld(long expected, String why) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (buffering.held() != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, buffering.held(), why);
    }

    @Test
    void aJsonBodyOverTheLimitStillArrivesWhole() {
        accounts.ensure("big-admin", Role.ADMIN);
        long project = data.project("big-admin");
        String text = "Gloss reads a long article in one piece. ".repeat(3_000) + "The end."; // ~120 KB, over 64K
        accounts.as("big-admin").contentType("application/json")
                .body(Map.of("title", "Long", "source", "test", "text", text))
                .post("/api/projects/" + project + "/articles").then().statusCode(201)
                .body("length", equalTo(text.length()));
    }
}
