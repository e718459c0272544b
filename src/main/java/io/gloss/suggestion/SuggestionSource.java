package io.gloss.suggestion;

/**
 * What proposed a suggestion; an accepted one's annotation keeps it as its {@code origin}.
 * OCCURRENCE: "label all occurrences" of an editor's span; ENTITY: an entity's name or alias;
 * MODEL: the project's recommender; IMPORT: a pre-annotated import.
 */
public enum SuggestionSource {
    OCCURRENCE, ENTITY, MODEL, IMPORT
}
