package io.gloss.stats;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How much each count changes with a batch of the queue: per table, per key (its values in the key's order). */
final class StatsDeltas {

    private final Map<StatsTable, Map<List<Object>, Long>> deltas = new EnumMap<>(StatsTable.class);

    void add(StatsTable table, long delta, Object... key) {
        deltas.computeIfAbsent(table, t -> new LinkedHashMap<>()).merge(List.of(key), delta, Long::sum);
    }

    /** The keys whose count changes, with the change; those that cancel out are left out. */
    Map<List<Object>, Long> of(StatsTable table) {
        Map<List<Object>, Long> changed = new LinkedHashMap<>();
        deltas.getOrDefault(table, Map.of()).forEach((key, delta) -> {
            if (delta != 0) {
                changed.put(key, delta);
            }
        });
        return changed;
    }
}
