package io.gloss.project;

import java.util.List;

/** A label as the API and the pages see it. */
public record LabelView(String key, String name, String color, String shortcut, String description, boolean linksEntity,
        boolean retired, List<LabelAttribute> attributes) {

    public static LabelView of(Label label) {
        return new LabelView(label.key, label.name, label.color, label.shortcut, label.description, label.linksEntity,
                label.retiredAt != null, LabelAttributes.of(label));
    }

    /** A project's label set, in its order. */
    public static List<LabelView> ofProject(long projectId) {
        return Label.ofProject(projectId).stream().map(LabelView::of).toList();
    }

    /** A key no label of the project has any more (it was renamed or removed): shown as it is, in grey. */
    public static LabelView unknown(String key) {
        return new LabelView(key, key, Label.DEFAULT_COLOR, null, null, false, true, List.of());
    }
}
