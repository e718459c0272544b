package io.gloss.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gloss.audit.AuditService;
import io.gloss.auth.OidcSwitch;
import io.gloss.auth.UserAccount;
import io.gloss.db.Database;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Restores a backup as a NEW project, in one transaction: a refusal, whenever it comes, leaves
 * nothing written. Every row takes a new id from its table's sequence, and every column that
 * holds a backed-up row's id ({@link BackupTable#references()}, and an audit event's
 * {@code entity_id} when its {@code entity} is a backed-up table) is rewritten to the new id.
 * Ids inside the audit events' before/after JSON are left as they were written: they are the
 * record of what happened then, under the ids of then. Usernames are kept; people are not
 * restored, so each must have an account here (unless Keycloak logins are on: Keycloak's users
 * need no local account, and Gloss cannot ask Keycloak who exists).
 */
@ApplicationScoped
public class RestoreService {

    static final String RESTORED_MARK = " (restored)";

    @Inject
    BackupReader reader;

    @Inject
    Database database;

    @Inject
    AuditService audit;

    @Inject
    OidcSwitch oidc;

    @Inject
    EntityManager em;

    @Transactional
    public RestoredProject restore(byte[] zip) {
        BackupContent content = reader.read(zip);
        if (!oidc.isOn()) {
            requireAccounts(content);
        }
        String sourceName = content.project().path("name").asText();
        long sourceId = content.project().path("id").asLong();
        String name = freeName(sourceName);
        Map<String, Map<Long, Long>> newIds = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            IdBlocks ids = new IdBlocks(connection, database.isH2());
            for (BackupTable table : BackupTables.ALL) {
                new TableRestore(connection, ids, newIds, table).insert(content.rowsOf(table), name);
                counts.put(table.name(), content.rowsOf(table).size());
            }
        });
        long projectId = newIds.get(BackupTables.PROJECT).get(sourceId);
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("sourceProjectId", sourceId);
        from.put("sourceProjectName", sourceName);
        from.put("glossVersion", content.manifest().glossVersion());
        from.put("backedUpAt", content.manifest().createdAt());
        from.put("rows", counts);
        audit.record(projectId, "project", projectId, "restore", null, from);
        return new RestoredProject(projectId, name, sourceId, sourceName, counts.get("label"), counts.get("article"),
                counts.get("annotation"), counts);
    }

    /** The backed-up name when it is free here, else with " (restored)", then " (restored 2)", … */
    static String freeName(String name) {
        if (!Project.nameTaken(name)) {
            return name;
        }
        for (int n = 1; ; n++) {
            String mark = n == 1 ? RESTORED_MARK : " (restored " + n + ")";
            String base = name.length() + mark.length() > ProjectService.MAX_NAME_CHARS
                    ? name.substring(0, ProjectService.MAX_NAME_CHARS - mark.length()) : name;
            if (!Project.nameTaken(base + mark)) {
                return base + mark;
            }
        }
    }

    private static void requireAccounts(BackupContent content) {
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (BackupTable table : BackupTables.ALL) {
            for (ObjectNode row : content.rowsOf(table)) {
                for (String column : table.usernames()) {
                    JsonNode value = row.get(column);
                    if (value != null && value.isTextual() && seen.add(value.textValue())) {
                        String username = value.textValue();
                        if (!username.equals(BackupTables.SYSTEM_ACTOR) && UserAccount.findByUsername(username).isEmpty()) {
                            missing.add(username);
                        }
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw BackupRefused.unrestorable("unknown_users", "The backup names " + (missing.size() == 1 ? "a person" : "people")
                    + " with no account on this server: " + String.join(", ", missing) + ". Create "
                    + (missing.size() == 1 ? "the account" : "their accounts") + " (Users page), then restore again.");
        }
    }
}
