package io.gloss.project;

import java.util.List;

/** A project with its label set. */
public record ProjectView(Long id, String name, String description, String guidelines, int annotatorsPerArticle,
        boolean blind, List<LabelView> labels) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.id, p.name, p.description, p.guidelines, p.annotatorsPerArticle, p.blind,
                LabelView.ofProject(p.id));
    }
}
