package io.gloss.suggestion;

import io.gloss.article.Article;
import io.gloss.db.Timestamps;
import io.gloss.entity.EntityRelinking;
import io.gloss.project.Label;
import io.gloss.text.CodePointText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggestions from the project's entities: every whole-word occurrence of an entity's name or
 * alias in an article is proposed to every editor with the entity's label, linked to it. They are
 * brought up to date when an article's suggestions are asked for (names come and go as entities
 * are created, linked, merged and deleted), so an article nobody opens costs nothing.
 */
@ApplicationScoped
class EntitySuggestions {

    /** An entity's own name, or an alias a linked span gave it: as sure as an exact occurrence. */
    private static final double NAMED = 1.0;

    /** What makes one entity suggestion the same as another: its label, place and entity. */
    private record Key(long labelId, int start, int end, Long entityId) {
    }

    @Inject
    SuggestionQueries queries;

    /**
     * Makes the article's entity suggestions those its text and the project's entities give now:
     * new places added, places no longer named (or named by another entity) removed. Nothing is
     * written when nothing changed; otherwise the article's row is locked first, so two editors
     * opening it together do not both add the same places.
     */
    void bringUpToDate(Article article) {
        if (article.retiredAt != null || article.project.archivedAt != null) {
            return;
        }
        List<EntityPlaces.Place> places = EntityPlaces.in(new CodePointText(article.text), queries.entityNames(article.project.id));
        Map<String, Label> labels = new HashMap<>();
        for (Label label : Label.ofProject(article.project.id)) {
            labels.put(label.key, label);
        }
        Map<Key, EntityPlaces.Place> wanted = new HashMap<>();
        for (EntityPlaces.Place place : places) {
            wanted.put(new Key(labels.get(place.label()).id, place.start(), place.end(), place.entityId()), place);
        }
        if (matches(wanted, queries.entitySuggestionsOf(article.id))) {
            return;
        }
        Article.getEntityManager().lock(article, LockModeType.PESSIMISTIC_WRITE);
        Map<Key, EntityPlaces.Place> missing = new HashMap<>(wanted);
        for (Suggestion stored : queries.entitySuggestionsOf(article.id)) {
            if (missing.remove(keyOf(stored)) == null) {
                stored.delete();
            }
        }
        Instant now = Timestamps.now();
        missing.forEach((key, place) -> {
            Suggestion suggestion = new Suggestion();
            suggestion.projectId = article.project.id;
            suggestion.article = article;
            suggestion.label = labels.get(place.label());
            suggestion.start = place.start();
            suggestion.end = place.end();
            suggestion.quote = place.quote();
            suggestion.source = SuggestionSource.ENTITY;
            suggestion.score = NAMED;
            suggestion.entityId = place.entityId();
            suggestion.createdAt = now;
            suggestion.persist();
        });
    }

    /**
     * An entity is about to be deleted or merged: suggestions linking to it link to the one it is
     * merged into, or to none; those its names proposed go (the next update proposes the survivor's).
     */
    void onRelinking(@Observes EntityRelinking relinking) {
        if (relinking.into() == null) {
            Suggestion.delete("entityId = ?1 and source = ?2", relinking.from(), SuggestionSource.ENTITY);
        }
        Suggestion.update("entityId = ?1 where entityId = ?2", relinking.into(), relinking.from());
    }

    private static boolean matches(Map<Key, EntityPlaces.Place> wanted, List<Suggestion> stored) {
        return stored.size() == wanted.size() && stored.stream().allMatch(s -> wanted.containsKey(keyOf(s)));
    }

    private static Key keyOf(Suggestion suggestion) {
        return new Key(suggestion.label.id, suggestion.start, suggestion.end, suggestion.entityId);
    }
}
