package io.gloss.suggestion;

/**
 * What proposed a suggestion; an accepted one's annotation keeps it as its {@code origin}.
 * OCCURRENCE: "label all occurrences" of an editor's span; ENTITY: an entity's name or alias;
 * MODEL: the recommender's name finder (package {@code recommender}); IMPORT: a pre-annotated
 * import. All but OCCURRENCE are proposed to every editor.
 */
public enum SuggestionSource {
    OCCURRENCE, ENTITY, MODEL, IMPORT
}
