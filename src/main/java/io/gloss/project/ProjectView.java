package io.gloss.project;

import java.time.Instant;
import java.util.List;

/** A project with its label set; {@code archivedAt}, {@code archivedBy}: null unless archived. */
public record ProjectView(Long id, String name, String description, String guidelines, int annotatorsPerArticle,
        boolean blind, boolean archived, Instant archivedAt, String archivedBy, List<LabelView> labels) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.id, p.name, p.description, p.guidelines, p.annotatorsPerArticle, p.blind,
                p.isArchived(), p.archivedAt, p.archivedBy, LabelView.ofProject(p.id));
    }
}
