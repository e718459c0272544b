package io.gloss.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A backup read and checked against its manifest: each table's rows, by table name (absent tables have none). */
record BackupContent(BackupManifest manifest, Map<String, List<ObjectNode>> rows) {

    List<ObjectNode> rowsOf(BackupTable table) {
        return rows.getOrDefault(table.name(), List.of());
    }

    ObjectNode project() {
        return rows.get(BackupTables.PROJECT).get(0);
    }
}
