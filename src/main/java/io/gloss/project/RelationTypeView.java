package io.gloss.project;

import java.util.List;

/** A relation type as the API shows it: {@code from} and {@code to} are the label keys each end may carry. */
public record RelationTypeView(Long id, String key, String name, List<String> from, List<String> to) {

    public static RelationTypeView of(RelationType type) {
        return new RelationTypeView(type.id, type.key, type.name, type.from(), type.to());
    }
}
