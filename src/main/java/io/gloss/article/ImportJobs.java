package io.gloss.article;

import io.gloss.db.Timestamps;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Which JSON Lines files import in the background, their job rows and files, and who may see
 * them (admins, like the import itself). {@link ImportJobRunner} runs the jobs.
 */
@ApplicationScoped
public class ImportJobs {

    @Inject
    ProjectService projects;


    @Inject
    Event<ImportQueued> queued;

    @Inject
    ImportConfig config;

    /** Whether a file this size imports in the background (202) rather than within the request (200). */
    public boolean inBackground(byte[] body) {
        return body.length > config.backgroundBytes().asLongValue() || lines(body) > config.backgroundLines();
    }

    /** Lines as the importer counts them: a last line without a line break counts too. */
    static int lines(byte[] body) {
        int lines = 0;
        for (byte b : body) {
            if (b == '\n') {
                lines++;
            }
        }
        return body.length > 0 && body[body.length - 1] != '\n' ? lines + 1 : lines;
    }

    /** Writes the job's row and stores its file beside it; the job starts once this commits, on any instance. */
    @Transactional
    public ImportJobView queue(Project project, String fileName, byte[] body, SpanTarget target, String username) {
        project.requireWritable();
        ImportJob job = new ImportJob();
        job.projectId = project.id;
        job.fileName = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        job.bytes = body.length;
        job.state = ImportState.QUEUED;
        job.linesTotal = lines(body);
        job.createdBy = username;
        job.createdAt = Timestamps.now();
        job.spansAs = target.as();
        job.spansAccount = target.account();
        job.persistAndFlush(); // the row before its file's chunks, which reference it
        ImportJob.storeFile(job.id, body);
        queued.fire(new ImportQueued(job.id));
        return ImportJobView.of(job, List.of());
    }

    /**
     * An import done within the request (a typed text, small files), kept as a finished job so that
     * its report has an address of its own: the form redirects there (Post/Redirect/Get), and a
     * reload shows the report again instead of importing again.
     */
    @Transactional
    public ImportJobView recordDone(Project project, String what, long bytes, ImportReport report, String username) {
        Instant now = Timestamps.now();
        int lines = report.imported() + report.duplicates() + report.errors().size();
        ImportJob job = new ImportJob();
        job.projectId = project.id;
        job.fileName = what.length() > 200 ? what.substring(0, 200) : what;
        job.bytes = bytes;
        job.state = ImportState.DONE;
        job.linesTotal = lines;
        job.linesRead = lines;
        job.imported = report.imported();
        job.duplicates = report.duplicates();
        job.spans = report.spans();
        job.errorCount = report.errors().size();
        job.createdBy = username;
        job.createdAt = now;
        job.startedAt = now;
        job.finishedAt = now;
        job.persistAndFlush(); // the row before its errors, which reference it
        report.errors().stream().limit(config.errorsKept()).forEach(error -> ImportJob.addError(job.id, error));
        return ImportJobView.of(job, List.of());
    }

    /** A job the current user may see, with its first refused lines; otherwise 404. */
    @Transactional
    public ImportJobView view(Long id) {
        ImportJob job = id == null ? null : ImportJob.findById(id);
        if (job == null || !projects.canSee(job.projectId)) {
            throw GlossException.notFound("Import " + id);
        }
        return ImportJobView.of(job, ImportJob.errors(job.id));
    }

    /** The project's latest background imports, newest first, without their errors. */
    @Transactional
    public List<ImportJobView> recent(long projectId, int limit) {
        return ImportJob.recent(projectId, limit).stream()
                .map(job -> ImportJobView.of(job, List.of())).toList();
    }
}
