package io.gloss.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.gloss.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a project's change log as the streams and the feed send it: {@code event} names
 * the kind of record ({@code annotation}, {@code relation}), {@code type} what happened to it, {@code json} the
 * record as {@code GET} returns it (before a deletion: as it was). {@code owner} is whose record
 * it is (an annotation's or a relation's author, an assignment's editor) and {@code state} an assignment's
 * state: read once here, for {@link Visibility}.
 */
public record Change(long cursor, long projectId, Long articleId, String event, String type, String json, String owner,
        String state) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Change of(AuditEvent e) {
        String json = e.after != null ? e.after : e.before;
        String ownerField = switch (e.entity) {
            case "annotation", "relation" -> "author";
            case "assignment" -> "username";
            default -> null;
        };
        JsonNode record = ownerField == null ? null : read(json);
        return new Change(e.changeCursor, e.projectId, e.articleId, e.entity, type(e.action), json,
                record == null ? null : record.path(ownerField).asText(null),
                record == null ? null : record.path("state").asText(null));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change log entry is not JSON", e);
        }
    }

    /** About a dataset's build: only those who may GET datasets (admins and reviewers) see it. */
    boolean isDataset() {
        return "dataset".equals(event);
    }

    boolean isAssignment() {
        return "assignment".equals(event);
    }

    /** A span or a relation between spans: in a blind project, hidden from other editors until they are done. */
    boolean isAnnotationWork() {
        return "annotation".equals(event) || "relation".equals(event);
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
