package io.gloss.stats;

import java.util.List;

/** A table of counts (db/migration/V30): its name and the columns of its key; the count is {@code n}. */
enum StatsTable {
    LIVE("stats_live", "project_id", "label_id", "status"),
    CREATED("stats_created", "project_id", "created_on", "author"),
    DECIDED("stats_decided", "project_id", "decided_on", "reviewer", "author", "status"),
    WAITED("stats_waited", "project_id", "decided_on", "reviewer", "waited_seconds");

    final String table;
    final List<String> key;

    StatsTable(String table, String... key) {
        this.table = table;
        this.key = List.of(key);
    }

    /** {@code a = ? and b = ?} over the key. */
    String keyCondition() {
        return String.join(" = ? and ", key) + " = ?";
    }
}
