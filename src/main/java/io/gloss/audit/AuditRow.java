package io.gloss.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.gloss.web.Links;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An audit event as the page lists it: the record named as a person knows it (the project's name,
 * the article's title, the quote and label of an annotation, not "annotation 12"), its page, the
 * project's name, and what the event changed.
 */
public record AuditRow(AuditView event, String record, String link, String project, List<AuditChanges.Change> changes) {

    /** The rows of a page of events, with two queries for the names of every project and article on it. */
    public static List<AuditRow> of(List<AuditView> events, RecordNames names) {
        Map<Long, String> projects = names.projects(ids(events, e -> e.projectId()));
        Map<Long, String> articles = names.articles(ids(events, AuditRow::articleOf));
        return events.stream().map(e -> new AuditRow(e, name(e, projects, articles), link(e),
                e.projectId() == null ? null : projects.getOrDefault(e.projectId(), "project " + e.projectId() + " (gone)"),
                AuditChanges.of(e.before(), e.after()))).toList();
    }

    private static Set<Long> ids(Collection<AuditView> events, Function<AuditView, Long> id) {
        Set<Long> ids = new HashSet<>();
        for (AuditView e : events) {
            Long value = id.apply(e);
            if (value != null) {
                ids.add(value);
            }
        }
        return ids;
    }

    /** The article an event names: the record itself, or the article an assignment or span is on. */
    private static Long articleOf(AuditView e) {
        if ("article".equals(e.entity())) {
            return e.entityId();
        }
        JsonNode articleId = field(e, "articleId");
        return articleId != null && articleId.canConvertToLong() ? articleId.asLong() : null;
    }

    private static String name(AuditView e, Map<Long, String> projects, Map<Long, String> articles) {
        String fallback = e.entity() + " " + e.entityId();
        return switch (e.entity()) {
            case "project" -> projects.getOrDefault(e.entityId(), text(e, "name", fallback));
            case "article" -> articles.getOrDefault(e.entityId(), text(e, "title", fallback));
            case "annotation" -> "“" + text(e, "quote", "?") + "” as " + text(e, "label", "?");
            case "assignment" -> text(e, "username", "?") + " on “" + articles.getOrDefault(articleOf(e), "article " + articleOf(e)) + "”";
            case "token" -> "token “" + text(e, "name", "?") + "” of " + text(e, "username", "?");
            case "user" -> text(e, "username", fallback);
            default -> text(e, "name", fallback);
        };
    }

    private static String link(AuditView e) {
        long id = e.entityId();
        Long project = e.projectId();
        return switch (e.entity()) {
            case "project" -> "/projects/" + id;
            case "article" -> "/articles/" + id;
            case "annotation" -> "/annotations/" + id;
            case "dataset" -> "/datasets/" + id;
            case "label" -> project == null ? null : "/projects/" + project + "/labels";
            case "assignment" -> project == null ? null
                    : Links.withQuery("/projects/" + project + "/assignments", Map.of("username", text(e, "username", "")));
            case "user", "token" -> "/users";
            default -> null;
        };
    }

    /** A field of the record as it was after the event, or before it when the event removed it. */
    private static JsonNode field(AuditView e, String name) {
        JsonNode after = e.after() == null ? null : e.after().get(name);
        if (after != null && !after.isNull()) {
            return after;
        }
        JsonNode before = e.before() == null ? null : e.before().get(name);
        return before == null || before.isNull() ? null : before;
    }

    private static String text(AuditView e, String name, String otherwise) {
        JsonNode value = field(e, name);
        return value == null ? otherwise : value.asText();
    }
}
