package io.gloss.live;

import com.fasterxml.jackson.databind.util.RawValue;
import io.gloss.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a project's change log as the streams and the feed send it: {@code event} names
 * the kind of record ({@code annotation}), {@code type} what happened to it, {@code json} the
 * record as {@code GET} returns it (before a deletion: as it was).
 */
public record Change(long cursor, long projectId, Long articleId, String event, String type, String json) {

    static Change of(AuditEvent e) {
        return new Change(e.changeCursor, e.projectId, e.articleId, e.entity, type(e.action),
                e.after != null ? e.after : e.before);
    }

    /** About a dataset's build: only those who may GET datasets (admins and reviewers) see it. */
    boolean isDataset() {
        return "dataset".equals(event);
    }

    /** api.md's types: the audit trail's actions say more (approve, reject, relabel) than a page needs. */
    static String type(String action) {
        return switch (action) {
            case "create" -> "created";
            case "delete" -> "deleted";
            case "approve", "reject", "merge" -> "decided";
            default -> "updated";
        };
    }

    /** An SSE event's data: {@code {"type": ..., "annotation": {...}}}. */
    String data() {
        return "{\"type\":\"" + type + "\",\"" + event + "\":" + json + "}";
    }

    /** A changes feed item: {@code {cursor, event, type, annotation: {...}}}. */
    Map<String, Object> item() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("cursor", String.valueOf(cursor));
        item.put("event", event);
        item.put("type", type);
        item.put(event, new RawValue(json));
        return item;
    }
}
