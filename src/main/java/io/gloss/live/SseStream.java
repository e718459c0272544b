package io.gloss.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A listener's stream as {@code text/event-stream}: {@code id:} the cursor, {@code event:} the kind,
 * {@code data:} JSON. The JAX-RS sink answers the request (status and headers, with the first
 * comment line) and ends it; the events themselves are written to the response as ready-made
 * text, several in one write, because a busy project sends every change to every stream and the
 * sink's one-event-at-a-time path cost more than the rest of the fan-out together.
 */
final class SseStream implements Listener.Stream {

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServerResponse response;
    private final ObjectMapper json;

    SseStream(SseEventSink sink, Sse sse, HttpServerResponse response, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.response = response;
        this.json = json;
    }

    @Override
    public boolean changes(List<Change> changes) {
        return write(SseFrames.of(changes));
    }

    @Override
    public boolean frames(byte[] text) {
        return write(text);
    }

    @Override
    public boolean presence(List<String> users) {
        try {
            return write(SseFrames.of("presence", json.writeValueAsString(Map.of("users", users))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of usernames is always JSON", e);
        }
    }

    @Override
    public boolean keepAlive() {
        if (sink.isClosed()) {
            return false;
        }
        sink.send(sse.newEventBuilder().comment("keep-alive").build());
        return true;
    }

    @Override
    public boolean gone() {
        return sink.isClosed() || response.closed();
    }

    @Override
    public void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    /**
     * A client that reads slower than the desk writes would make the server hold ever more for it:
     * its stream is closed instead, and its EventSource comes back with the last cursor it has,
     * missing nothing.
     */
    private boolean write(byte[] text) {
        if (sink.isClosed() || response.closed() || response.writeQueueFull()) {
            return false;
        }
        response.write(Buffer.buffer(text)); // wraps, never copies: the text may be every stream's
        return true;
    }

    @Override
    public boolean awaitWritable(Duration timeout) {
        if (gone()) {
            return false;
        }
        if (!response.writeQueueFull()) {
            return true;
        }
        CountDownLatch drained = new CountDownLatch(1);
        response.drainHandler(ignored -> drained.countDown());
        try {
            return (!response.writeQueueFull() || drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) && !gone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
