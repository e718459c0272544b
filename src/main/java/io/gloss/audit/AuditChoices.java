package io.gloss.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the audit page's filters offer: every project, record type and action the trail holds,
 * so that no action needs typing (and a new one appears as soon as it is recorded).
 */
public record AuditChoices(List<Choice> projects, List<Choice> entities, List<Choice> actions) {

    /** One option of a filter; {@code selected} when the page is filtered by it. */
    public record Choice(String value, String name, boolean selected) {
    }

    static AuditChoices of(List<Object[]> kinds, RecordNames names, AuditPageResource.AuditForm form) {
        Set<Long> projectIds = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        Set<String> actions = new TreeSet<>();
        for (Object[] kind : kinds) {
            if (kind[0] != null) {
                projectIds.add((Long) kind[0]);
            }
            entities.add((String) kind[1]);
            actions.add((String) kind[2]);
        }
        // A value typed into the address that the trail has never seen is still shown as chosen.
        if (form.entity() != null) {
            entities.add(form.entity());
        }
        if (form.action() != null) {
            actions.add(form.action());
        }
        Map<Long, String> projectNames = names.projects(projectIds);
        List<Choice> projects = projectIds.stream()
                .map(id -> new Choice(id.toString(), projectNames.getOrDefault(id, "project " + id + " (gone)"),
                        id.toString().equals(form.project())))
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new AuditChoices(projects, choices(entities, form.entity()), choices(actions, form.action()));
    }

    private static List<Choice> choices(Set<String> values, String selected) {
        return values.stream().map(v -> new Choice(v, v.replace('_', ' '), v.equals(selected))).toList();
    }
}
