package io.gloss.live;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Changes as {@code text/event-stream} text: {@code id:} the cursor, {@code event:} the kind, {@code data:} JSON. */
final class SseFrames {

    private SseFrames() {
    }

    /** The changes' events, in order, as the bytes a stream writes. */
    static byte[] of(List<Change> changes) {
        StringBuilder text = new StringBuilder(changes.size() * 256);
        for (Change change : changes) {
            text.append("id: ").append(change.cursor()).append('\n');
            event(text, change.event(), change.data());
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One event without a cursor (presence). */
    static byte[] of(String name, String data) {
        return event(new StringBuilder(), name, data).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** JSON from Jackson has no line breaks, but a {@code data:} line per line keeps the framing safe anyway. */
    private static StringBuilder event(StringBuilder text, String name, String data) {
        text.append("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n');
    }
}
