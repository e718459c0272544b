package io.gloss.suggestion;

/**
 * What proposed a suggestion; an accepted one's annotation keeps it as its {@code origin}.
 * OCCURRENCE is built ("label all occurrences"); ENTITY, MODEL and IMPORT are the other sources
 * issue 21 plans.
 */
public enum SuggestionSource {
    OCCURRENCE, ENTITY, MODEL, IMPORT
}
