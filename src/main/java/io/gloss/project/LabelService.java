package io.gloss.project;

import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;

/** A project's label set. */
@ApplicationScoped
public class LabelService {

    static final int MAX_NAME_CHARS = 100;
    static final int MAX_DESCRIPTION_CHARS = 2_000;

    /** What a client sends to create a label. */
    public record NewLabel(String key, String name, String color, String shortcut, String description, Boolean linksEntity) {
    }

    @Transactional
    public Label create(Project project, NewLabel input) {
        if (input == null) {
            throw GlossException.badRequest("key", "Send a label: {key, name, color, shortcut, description}.");
        }
        String key = input.key() == null ? "" : input.key().strip().toUpperCase(Locale.ROOT);
        if (!key.matches("[A-Z][A-Z0-9_]{0,49}")) {
            throw GlossException.badRequest("key", "A label key is 1 to 50 capital letters, digits or underscores, starting with a letter (e.g. ACTOR).");
        }
        String color = input.color() == null ? Label.DEFAULT_COLOR : input.color().strip().toLowerCase(Locale.ROOT);
        if (!color.matches("#[0-9a-f]{6}")) {
            throw GlossException.badRequest("color", "A colour is written #rrggbb, e.g. #1f77b4.");
        }
        String shortcut = input.shortcut() == null || input.shortcut().isBlank() ? null
                : input.shortcut().strip().toLowerCase(Locale.ROOT);
        if (shortcut != null && !shortcut.matches("[a-z0-9]")) {
            throw GlossException.badRequest("shortcut", "A shortcut is one letter or digit.");
        }
        if (shortcut != null && "jk?".contains(shortcut)) {
            throw GlossException.badRequest("shortcut", "j and k move between highlights on the annotation page; pick another key.");
        }
        if (Label.keyTaken(project.id, key)) {
            throw GlossException.conflict("duplicate", "The project has a label " + key + " already.");
        }
        if (shortcut != null && Label.shortcutTaken(project.id, shortcut)) {
            throw GlossException.conflict("duplicate", "Another label of this project uses the shortcut " + shortcut + ".");
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
        label.persist();
        return label;
    }
}
