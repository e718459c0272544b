package io.gloss.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Another name of an entity: given by hand, or the quote of a span linked to it. */
@Entity
@Table(name = "entity_alias")
public class EntityAlias extends PanacheEntity {

    @Column(name = "entity_id")
    public Long entityId;

    public String alias;

    static EntityAlias of(long entityId, String alias) {
        EntityAlias row = new EntityAlias();
        row.entityId = entityId;
        row.alias = alias;
        return row;
    }

    /** The entity's aliases, in the order they were added. */
    static List<EntityAlias> of(long entityId) {
        return list("entityId = ?1 order by id", entityId);
    }

    /** The aliases of each of these entities, in the order they were added (one query). */
    static Map<Long, List<String>> ofAll(Collection<Long> entityIds) {
        Map<Long, List<String>> aliases = new HashMap<>();
        if (!entityIds.isEmpty()) {
            for (EntityAlias row : EntityAlias.<EntityAlias>list("entityId in ?1 order by id", entityIds)) {
                aliases.computeIfAbsent(row.entityId, id -> new ArrayList<>()).add(row.alias);
            }
        }
        return aliases;
    }

    static long deleteOf(long entityId) {
        return delete("entityId", entityId);
    }
}
