package io.gloss.backup;

import java.util.Map;

/**
 * A restore's answer: the new project, the one it was backed up from, and how many rows of each
 * table were restored ({@code rows}, by table name).
 */
public record RestoredProject(long id, String name, long sourceId, String sourceName, long labels, long articles,
        long annotations, Map<String, Integer> rows) {
}
