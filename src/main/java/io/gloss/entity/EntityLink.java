package io.gloss.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What a span shows of the entity it links to (api.md: {@code entity: {id, name, qid}}). */
public record EntityLink(Long id, String name, String qid) {

    /** The links of these entities by id, in one query; ids of no entity are left out. */
    public static Map<Long, EntityLink> of(Collection<Long> ids) {
        Map<Long, EntityLink> links = new HashMap<>();
        for (NamedEntity e : NamedEntity.byIds(ids)) {
            links.put(e.id, new EntityLink(e.id, e.name, e.qid));
        }
        return links;
    }
}
