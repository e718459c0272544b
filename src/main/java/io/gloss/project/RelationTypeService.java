package io.gloss.project;

import io.gloss.audit.AuditService;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Admins define the kinds of relation a project's spans may have, checked against its labels. */
@ApplicationScoped
public class RelationTypeService {

    static final int MAX_NAME_CHARS = 200;

    /** {@code POST /api/projects/{id}/relation-types}: {@code from} and {@code to} are label keys of the project. */
    public record NewRelationType(String key, String name, List<String> from, List<String> to) {
    }

    @Inject
    AuditService audit;

    @Transactional
    public RelationType create(Project project, NewRelationType input) {
        project.requireWritable();
        if (input == null) {
            throw GlossException.badRequest("key", "Send a relation type: {key, name, from: [label keys], to: [label keys]}.");
        }
        String key = input.key() == null ? "" : input.key().strip().toUpperCase(Locale.ROOT);
        if (!key.matches("[A-Z][A-Z0-9_]{0,49}")) {
            throw GlossException.badRequest("key", "A relation type's key is 1 to 50 capital letters, digits or underscores, "
                    + "starting with a letter (e.g. ATTRIBUTED_TO).");
        }
        List<String> from = labels(project, "from", input.from());
        List<String> to = labels(project, "to", input.to());
        if (RelationType.keyTaken(project.id, key)) {
            throw GlossException.conflict("duplicate", "The project has a relation type " + key + " already.");
        }
        RelationType type = new RelationType();
        type.project = project;
        type.key = key;
        String name = Texts.optional("name", input.name(), MAX_NAME_CHARS);
        type.name = name == null ? key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ') : name;
        type.fromLabels = String.join(",", from);
        type.toLabels = String.join(",", to);
        type.createdAt = Instant.now();
        type.persist();
        audit.record(project.id, "relation_type", type.id, "create", null, RelationTypeView.of(type));
        return type;
    }

    /** The label keys of one end: at least one, each a label of the project, each once. */
    private static List<String> labels(Project project, String field, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw GlossException.badRequest(field, field + " must list the keys of the labels this end may carry, e.g. [\"CLAIM\"].");
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (String key : keys) {
            String label = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
            if (!Label.keyTaken(project.id, label)) {
                throw GlossException.badRequest(field, "This project has no label \"" + Texts.excerpt(key) + "\": "
                        + field + " lists keys of the project's labels.");
            }
            checked.add(label);
        }
        return new ArrayList<>(checked);
    }
}
