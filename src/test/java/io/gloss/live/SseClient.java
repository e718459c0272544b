package io.gloss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.TestAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real SSE client over HTTP: parses {@code id:}, {@code event:}, {@code data:} and comment lines as a browser does. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private SseClient(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(URI uri, String username, String lastEventId) throws IOException, InterruptedException {
        return open(uri, "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)), lastEventId);
    }

    /** A stream opened with other credentials: {@code header} is e.g. {@code Cookie} or {@code Authorization}. */
    static SseClient open(URI uri, String header, String value, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").header(header, value);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode(), "the stream opens");
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return new SseClient(response.body());
    }

    /** The next event (comments skipped), or null after {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event named {@code name}, others skipped, or null after {@code timeout}. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event.name().equals(name)) {
                return event;
            }
        }
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        Iterator<String> it = lines.iterator();
        try {
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // closed by the test
        }
    }

    /** Whether the server ends the stream within {@code timeout}. */
    boolean endsWithin(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
