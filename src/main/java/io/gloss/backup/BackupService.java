package io.gloss.backup;

import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.project.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Backs a project up as one zip ({@link BackupWriter}) and records that it was downloaded. */
@ApplicationScoped
public class BackupService {

    public record Backup(String fileName, byte[] zip) {
    }

    @Inject
    ProjectService projects;

    @Inject
    BackupWriter writer;

    @Inject
    AuditService audit;

    @Inject
    CurrentUser currentUser;

    /** Runs outside a transaction: the writer reads in one of its own, the audit event commits in another. */
    public Backup backup(long projectId) {
        projects.require(projectId);
        byte[] zip = writer.write(projectId, currentUser.username());
        String fileName = "gloss-project-" + projectId + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
        QuarkusTransaction.requiringNew().run(() -> audit.record(projectId, "project", projectId, "backup", null,
                Map.of("file", fileName, "bytes", zip.length)));
        return new Backup(fileName, zip);
    }
}
