package io.gloss.entity;

import java.util.List;

/** An entity as the API returns it (api.md): {@code mentions} counts the live spans linked to it. */
public record EntityView(Long id, String name, String type, List<String> aliases, String qid, long mentions) {

    static EntityView of(NamedEntity entity, List<String> aliases, long mentions) {
        return new EntityView(entity.id, entity.name, entity.type, List.copyOf(aliases), entity.qid, mentions);
    }
}
