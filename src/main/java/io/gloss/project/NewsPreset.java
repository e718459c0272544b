package io.gloss.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The label set a newsroom starts with: Claim, Actor and Location, with colours, keys,
 * descriptions and guidelines ({@code presets/news-guidelines.md}). A new project may take it,
 * and so does the demo project.
 */
@ApplicationScoped
public class NewsPreset {

    public static final String NAME = "news";

    @Inject
    LabelService labels;

    @Inject
    RelationTypeService relationTypes;

    /**
     * Gives the project the three labels and the relation types between them (it must have none of them yet);
     * a claim carries the figure it states and its unit.
     */
    public void addLabels(Project project) {
        labels.create(project, new LabelService.NewLabel("CLAIM", "Claim", "#e4572e", "c",
                "A statement of fact that someone makes and that could be checked: numbers, events, accusations.", false),
                List.of(new LabelAttribute("figure", "Figure", LabelAttribute.NUMBER, null),
                        new LabelAttribute("unit", "Unit", LabelAttribute.TEXT, null)));
        labels.create(project, new LabelService.NewLabel("ACTOR", "Actor", "#2e86ab", "a",
                "A person, organisation or state that acts or speaks. Tag the name as written.", true));
        labels.create(project, new LabelService.NewLabel("LOCATION", "Location", "#3bb273", "l",
                "A place: country, region, city, building.", true));
        addRelationTypes(project);
    }

    /** Who made a claim, and where it happened. */
    private void addRelationTypes(Project project) {
        relationTypes.create(project, new RelationTypeService.NewRelationType("ATTRIBUTED_TO", "Attributed to",
                List.of("CLAIM"), List.of("ACTOR")));
        relationTypes.create(project, new RelationTypeService.NewRelationType("LOCATED_IN", "Located in",
                List.of("CLAIM"), List.of("LOCATION")));
    }

    /** Guidelines to start from, in Markdown. */
    public static String guidelines() {
        try (InputStream in = NewsPreset.class.getClassLoader().getResourceAsStream("presets/news-guidelines.md")) {
            if (in == null) {
                throw new IllegalStateException("presets/news-guidelines.md is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
