package io.gloss.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every table of the schema, with its backup decision: the tables that belong to a project, in
 * the order a restore inserts them (a row after the rows it points to), and the tables that do
 * not, with why. BackupTablesTest compares both lists with the database's own list of tables, so
 * a migration that adds a table fails it until the table is placed here.
 */
public final class BackupTables {

    static final String PROJECT = "project";

    /** Rows of this table are about the record whose kind its {@code entity} column names: audit events. */
    static final String AUDIT = "audit_event";
    static final String AUDIT_KIND_COLUMN = "entity";
    static final String AUDIT_ID_COLUMN = "entity_id";

    /** The actor of events no person caused (AuditService): not a username to look for on restore. */
    static final String SYSTEM_ACTOR = "system";

    public static final List<BackupTable> ALL = List.of(
            // archived_by: V20's, on servers that have it.
            table(PROJECT, "id", "id", null, Map.of(), Set.of("archived_by")),
            table("project_member", null, "project_id", PROJECT, Map.of(), Set.of("username"), "project_id", "username"),
            table("label", "id", "project_id", PROJECT, Map.of(), Set.of()),
            // retired_by: V20's, on servers that have it. author is the news article's byline, not an account.
            table("article", "id", "project_id", PROJECT, Map.of(), Set.of("created_by", "retired_by")),
            // V21's entities (issue 20): before the annotations that link to them.
            table("entity", "id", "project_id", PROJECT, Map.of(), Set.of("created_by")),
            table("entity_alias", "id", "entity_id", "entity", Map.of(), Set.of()),
            table("annotation", "id", "project_id", PROJECT,
                    Map.of("article_id", "article", "label_id", "label", "merged_into", "annotation", "entity_id", "entity"),
                    Set.of("author", "reviewer", "label_corrected_by")),
            table("annotation_transition", "id", "annotation_id", "annotation", Map.of(), Set.of("actor")),
            table("assignment", "id", "project_id", PROJECT, Map.of("article_id", "article"), Set.of("username")),
            table("relation_type", "id", "project_id", PROJECT, Map.of(), Set.of()),
            table("relation", "id", "project_id", PROJECT,
                    Map.of("article_id", "article", "type_id", "relation_type", "from_id", "annotation", "to_id", "annotation"),
                    Set.of("author", "reviewer")),
            // V23's suggestions (issue 21): what was proposed to the editors, and what each one refused.
            table("suggestion", "id", "project_id", PROJECT,
                    Map.of("article_id", "article", "label_id", "label", "entity_id", "entity"), Set.of("for_user")),
            table("suggestion_rejection", "id", "project_id", PROJECT, Map.of("article_id", "article", "label_id", "label"),
                    Set.of("username")),
            // V24's recommender (issue 21): backed up, so a restored project suggests at once instead of waiting for a
            // training. suggested_up_to names an article id of the old project, below every restored one: the
            // restored model proposes its spans again on every article (replacing the restored MODEL suggestions).
            table("recommender_model", null, "project_id", PROJECT, Map.of(), Set.of(), "project_id"),
            table("dataset", "id", "project_id", PROJECT, Map.of(), Set.of("created_by")),
            table("dataset_file", null, "dataset_id", "dataset", Map.of(), Set.of(), "dataset_id", "name"),
            table("dataset_chunk", null, "dataset_id", "dataset", Map.of(), Set.of(), "dataset_id", "name", "seq"),
            table("import_job", "id", "project_id", PROJECT, Map.of(), Set.of("created_by", "spans_account")),
            table("import_job_error", null, "job_id", "import_job", Map.of(), Set.of(), "job_id", "line"),
            table("import_job_chunk", null, "job_id", "import_job", Map.of(), Set.of(), "job_id", "seq"),
            // entity_id names a record of the kind in entity: rewritten when that kind is a table above.
            table(AUDIT, "id", "project_id", PROJECT, Map.of("article_id", "article"), Set.of("actor")),
            // The project's change cursors go on from where the backed-up project's were.
            table("change_counter", null, "project_id", PROJECT, Map.of(), Set.of(), "project_id"));

    /** The tables that hold no project's data, and why a project's backup leaves them out. */
    public static final Map<String, String> NOT_PROJECT_DATA = Map.ofEntries(
            Map.entry("app_user", "accounts are the server's: a backup names people by username, a restore finds them here"),
            Map.entry("api_token", "a person's credentials, not the project's"),
            Map.entry("user_session", "a person's logins, not the project's"),
            Map.entry("flyway_schema_history", "the schema's own history"),
            // H2 only (db/h2/V29): the search index's own bookkeeping, rebuilt from the rows themselves.
            Map.entry("search_queue", "rows the search index has yet to take in: a restore's inserts queue themselves"),
            Map.entry("search_index_state", "which database the search index was built from"),
            // db/migration/V30: the statistics' counts, kept from the annotations; a restore's inserts queue themselves.
            Map.entry("stats_queue", "annotations the statistics have yet to count"),
            Map.entry("stats_lock", "which instance is counting"),
            Map.entry("stats_counted", "what the statistics counted for each annotation"),
            Map.entry("stats_counted_decision", "what the statistics counted for each decision"),
            Map.entry("stats_live", "counts kept from the annotations"),
            Map.entry("stats_created", "counts kept from the annotations"),
            Map.entry("stats_decided", "counts kept from the decisions"),
            Map.entry("stats_waited", "counts kept from the decisions"));

    private BackupTables() {
    }

    public static Optional<BackupTable> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static BackupTable table(String name, String idColumn, String ownerColumn, String ownerTable,
            Map<String, String> references, Set<String> usernames, String... order) {
        Map<String, String> all = new LinkedHashMap<>(references);
        if (ownerTable != null) {
            all.put(ownerColumn, ownerTable);
        }
        return new BackupTable(name, idColumn, ownerColumn, ownerTable, Map.copyOf(all), usernames,
                order.length == 0 ? List.of(idColumn) : List.of(order));
    }
}
