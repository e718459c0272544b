package io.gloss.project;

import io.gloss.audit.AuditService;
import io.gloss.db.Timestamps;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A project's label set: added, changed, reordered and retired by admins, every change audited. */
@ApplicationScoped
public class LabelService {

    static final int MAX_NAME_CHARS = 100;
    static final int MAX_DESCRIPTION_CHARS = 2_000;

    /** What a client sends to create a label. */
    public record NewLabel(String key, String name, String color, String shortcut, String description, Boolean linksEntity) {
    }

    /**
     * {@code PUT /api/projects/{id}/labels/{key}}: absent fields keep their value; a blank
     * shortcut removes it; {@code position} (0 = first) moves the label; {@code retired: false}
     * brings a retired label back; {@code attributes} replaces the definitions (spans keep the values
     * they were given). The key never changes: exports and spans name it.
     */
    public record LabelChange(String name, String color, String shortcut, String description, Boolean linksEntity,
            Integer position, Boolean retired, List<LabelAttribute> attributes) {
    }

    @Inject
    AuditService audit;

    @Transactional
    public Label create(Project project, NewLabel input) {
        return create(project, input, List.of());
    }

    /** A label with attribute definitions (a preset's claim: figure and unit). */
    @Transactional
    public Label create(Project project, NewLabel input, List<LabelAttribute> attributes) {
        project.requireWritable();
        if (input == null) {
            throw GlossException.badRequest("key", "Send a label: {key, name, color, shortcut, description}.");
        }
        String key = input.key() == null ? "" : input.key().strip().toUpperCase(Locale.ROOT);
        if (!key.matches("[A-Z][A-Z0-9_]{0,49}")) {
            throw GlossException.badRequest("key", "A label key is 1 to 50 capital letters, digits or underscores, starting with a letter (e.g. ACTOR).");
        }
        String color = input.color() == null ? Label.DEFAULT_COLOR : color(input.color());
        String shortcut = shortcut(project, input.shortcut(), null);
        if (Label.keyTaken(project.id, key)) {
            throw GlossException.conflict("duplicate", "The project has a label " + key + " already.");
        }
        Label label = new Label();
        label.project = project;
        label.key = key;
        String name = Texts.optional("name", input.name(), MAX_NAME_CHARS);
        label.name = name == null ? key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT) : name;
        label.color = color;
        label.shortcut = shortcut;
        label.description = Texts.limit("description", input.description(), MAX_DESCRIPTION_CHARS);
        label.linksEntity = Boolean.TRUE.equals(input.linksEntity());
        label.sortOrder = Label.countOf(project.id);
        label.attributes = LabelAttributes.write(LabelAttributes.check(attributes));
        label.persist();
        audit.record(project.id, "label", label.id, "create", null, LabelView.of(label));
        return label;
    }

    @Transactional
    public Label update(Project project, String key, LabelChange change) {
        project.requireWritable();
        if (change == null) {
            throw GlossException.badRequest("name", "Send the fields to change: {name, color, shortcut, description, position, retired, attributes}.");
        }
        Label label = Label.ofKey(project.id, key);
        LabelView before = LabelView.of(label);
        if (change.name() != null) {
            String name = Texts.optional("name", change.name(), MAX_NAME_CHARS);
            if (name == null) {
                throw GlossException.badRequest("name", "A label needs a name.");
            }
            label.name = name;
        }
        if (change.color() != null) {
            label.color = color(change.color());
        }
        if (change.shortcut() != null) {
            label.shortcut = shortcut(project, change.shortcut(), label);
        }
        if (change.description() != null) {
            label.description = change.description().isBlank() ? null : Texts.limit("description", change.description(), MAX_DESCRIPTION_CHARS);
        }
        if (change.linksEntity() != null) {
            label.linksEntity = change.linksEntity();
        }
        if (change.attributes() != null) {
            label.attributes = LabelAttributes.write(LabelAttributes.check(change.attributes()));
        }
        if (Boolean.FALSE.equals(change.retired())) {
            label.retiredAt = null;
        } else if (Boolean.TRUE.equals(change.retired())) {
            retire(label);
        }
        if (change.position() != null) {
            move(project, label, change.position());
        }
        audit.record(project.id, "label", label.id, "update", before, LabelView.of(label));
        return label;
    }

    /**
     * The labels page's "Add an attribute": the label's definitions with this one after them,
     * checked as a PUT's are. A key the label defines already is refused rather than replaced:
     * values spans gave it were given against the old definition.
     */
    @Transactional
    public Label addAttribute(Project project, String key, LabelAttribute attribute) {
        Label label = Label.ofKey(project.id, key);
        List<LabelAttribute> definitions = new ArrayList<>(LabelAttributes.of(label));
        String attributeKey = attribute.key() == null ? "" : attribute.key().strip();
        if (definitions.stream().anyMatch(a -> a.key().equals(attributeKey))) {
            throw GlossException.badRequest("attributes", "The label " + label.name + " has an attribute " + attributeKey
                    + " already; remove it first to define it otherwise.");
        }
        definitions.add(attribute);
        return update(project, key, attributes(definitions));
    }

    /** The labels page's "Remove" on one definition; spans keep the values they were given (as with a PUT). */
    @Transactional
    public Label removeAttribute(Project project, String key, String attributeKey) {
        Label label = Label.ofKey(project.id, key);
        List<LabelAttribute> definitions = LabelAttributes.of(label);
        List<LabelAttribute> kept = definitions.stream().filter(a -> !a.key().equals(attributeKey)).toList();
        if (kept.size() == definitions.size()) {
            throw GlossException.badRequest("attributes", "The label " + label.name + " has no attribute \""
                    + Texts.excerpt(attributeKey) + "\"; it may have been removed already.");
        }
        return update(project, key, attributes(kept));
    }

    private static LabelChange attributes(List<LabelAttribute> definitions) {
        return new LabelChange(null, null, null, null, null, null, null, definitions);
    }

    /** Retires a label: spans that have it keep it; it leaves the palette and frees its shortcut. */
    @Transactional
    public Label retire(Project project, String key) {
        project.requireWritable();
        Label label = Label.ofKey(project.id, key);
        if (label.retiredAt == null) {
            LabelView before = LabelView.of(label);
            retire(label);
            audit.record(project.id, "label", label.id, "retire", before, LabelView.of(label));
        }
        return label;
    }

    private static void retire(Label label) {
        if (label.retiredAt == null) {
            label.retiredAt = Timestamps.now();
            label.shortcut = null;
        }
    }

    /** Puts the label at {@code position} (clamped) and renumbers the set. */
    private static void move(Project project, Label label, int position) {
        List<Label> order = new ArrayList<>(Label.ofProject(project.id));
        order.remove(label);
        order.add(Math.max(0, Math.min(position, order.size())), label);
        for (int i = 0; i < order.size(); i++) {
            order.get(i).sortOrder = i;
        }
    }

    private static String color(String value) {
        String color = value.strip().toLowerCase(Locale.ROOT);
        if (!color.matches("#[0-9a-f]{6}")) {
            throw GlossException.badRequest("color", "A colour is written #rrggbb, e.g. #1f77b4.");
        }
        return color;
    }

    /** A free shortcut for {@code label} (null: a new one), or null when blank; a clash is refused with its reason. */
    private static String shortcut(Project project, String value, Label label) {
        String shortcut = value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
        if (shortcut == null) {
            return null;
        }
        if (!shortcut.matches("[a-z0-9]")) {
            throw GlossException.badRequest("shortcut", "A shortcut is one letter or digit.");
        }
        if ("jk".contains(shortcut)) {
            throw GlossException.badRequest("shortcut", "j and k move between highlights on the annotation page; pick another key.");
        }
        if (Label.shortcutTaken(project.id, shortcut, label)) {
            throw GlossException.conflict("duplicate", "Another label of this project uses the shortcut " + shortcut + ".");
        }
        return shortcut;
    }
}
