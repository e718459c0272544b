package io.gloss.label;

/** A label as the API and the annotation page see it. */
public record LabelView(String key, String name, String color, String shortcut, String description, boolean linksEntity) {

    public static LabelView of(Label label) {
        return new LabelView(label.key, label.name, label.color, label.shortcut, label.description, label.linksEntity);
    }
}
