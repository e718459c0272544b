package io.gloss.dataset;

import java.util.Comparator;

/**
 * A relation as the writers see it: its type's key and the ids of the two spans it links, both
 * exported with the same article (relations whose ends are not both exported are left out).
 */
public record ExportRelation(long id, String type, long from, long to) {

    /** The one order of relations in every format: by id, the order they were made in. */
    public static final Comparator<ExportRelation> ORDER = Comparator.comparingLong(ExportRelation::id);
}
