package io.gloss.entity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The spans linked to entities. Annotations are a feature above entities, so it answers this (the
 * annotation package implements it) and entities only ask: they never name the annotation table.
 */
public interface EntityMentions {

    /** How many live spans link to each entity; an entity without any may be absent. */
    Map<Long, Long> counts(Collection<Long> entityIds);

    /** The live spans linked to the entity that the current user may see, by article then offset. */
    List<Mention> of(NamedEntity entity);

    /** Links every span of {@code from} to {@code into} instead, or unlinks them (null); how many. */
    int relink(long from, Long into);
}
