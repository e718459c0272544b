package io.gloss.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an audit event changed, as lines a person reads ("label: ACTOR → CLAIM") instead of two
 * JSON images side by side.
 */
public final class AuditChanges {

    /** Book-keeping fields that change with every write and say nothing on their own. */
    private static final Set<String> NOISE = Set.of("version", "updated", "created");
    /** What identifies a created or deleted record; the rest of it is in the JSON. */
    private static final List<String> SUMMARY = List.of("label", "quote", "status", "note", "name", "title", "key",
            "username", "roles", "active", "state", "format", "files");

    /** One changed field; {@code before} or {@code after} is null when the field was absent. */
    public record Change(String field, String before, String after) {
    }

    private AuditChanges() {
    }

    public static List<Change> of(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        if (before == null || after == null) {
            JsonNode image = before == null ? after : before;
            if (image != null) {
                for (String field : SUMMARY) {
                    JsonNode value = image.get(field);
                    if (value != null && !value.isNull()) {
                        changes.add(before == null ? new Change(field, null, text(value)) : new Change(field, text(value), null));
                    }
                }
            }
            return changes;
        }
        Set<String> fields = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode is = after.get(field);
            if (NOISE.contains(field) || same(was, is)) {
                continue;
            }
            changes.add(new Change(field, text(was), text(is)));
        }
        return changes;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        return aNull || bNull ? aNull == bNull : a.equals(b);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
