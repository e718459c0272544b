package io.gloss.suggestion;

/**
 * What proposed a suggestion; an accepted one's annotation keeps it as its {@code origin}.
 * OCCURRENCE is "label all occurrences"; MODEL the recommender's name finder ({@code recommender},
 * proposed to every editor); ENTITY and IMPORT are the other sources issue 21 plans.
 */
public enum SuggestionSource {
    OCCURRENCE, ENTITY, MODEL, IMPORT
}
