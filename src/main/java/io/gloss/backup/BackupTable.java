package io.gloss.backup;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of a project's backup: how its rows are found from the project, which of its columns
 * hold ids of other backed-up rows (rewritten on restore) and which hold usernames (checked on
 * restore, never rewritten). Every other column is copied as it is, whatever columns the table
 * has when the backup is made: a column added by a later migration needs no declaration here.
 *
 * @param name           the table
 * @param idColumn       {@code id} when rows take their id from the sequence {@code <name>_SEQ}
 *                       (a restore gives them new ids); null for tables keyed by their owner
 * @param ownerColumn    the column that ties a row to its owner: {@code project_id}, or the id of
 *                       the parent row (a transition's annotation); the project's own {@code id}
 * @param ownerTable     the table {@code ownerColumn} points to; null for the project itself
 * @param references     every column holding the id of a backed-up row, with the table of that row
 *                       (the owner column included)
 * @param usernames      columns holding usernames; columns named here that a table does not have
 *                       yet (a later migration's) are simply absent from its rows
 * @param order          the columns rows are written in order of (the primary key)
 */
public record BackupTable(String name, String idColumn, String ownerColumn, String ownerTable,
        Map<String, String> references, Set<String> usernames, List<String> order) {

    public boolean ownedByProject() {
        return BackupTables.PROJECT.equals(ownerTable);
    }

    public boolean isProject() {
        return ownerTable == null;
    }

    /** The name of its file in the zip. */
    public String fileName() {
        return name + ".jsonl";
    }
}
