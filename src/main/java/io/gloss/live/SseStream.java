package io.gloss.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;

/** A listener's stream as {@code text/event-stream}: {@code id:} the cursor, {@code event:} the kind, {@code data:} JSON. */
final class SseStream implements Listener.Stream {

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;

    SseStream(SseEventSink sink, Sse sse, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    @Override
    public boolean change(Change change) {
        return send(sse.newEventBuilder().id(String.valueOf(change.cursor())).name(change.event())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, change.data()).build());
    }

    @Override
    public boolean presence(List<String> users) {
        try {
            return send(sse.newEventBuilder().name("presence").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, json.writeValueAsString(Map.of("users", users))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of usernames is always JSON", e);
        }
    }

    @Override
    public boolean keepAlive() {
        return send(sse.newEventBuilder().comment("keep-alive").build());
    }

    @Override
    public void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private boolean send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        sink.send(event);
        return true;
    }
}
