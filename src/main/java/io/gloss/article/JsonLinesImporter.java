package io.gloss.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.project.Project;
import io.gloss.web.GlossException;
import io.gloss.web.RefusedInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Imports JSON Lines, one article a line, in batches that each commit in a transaction of their
 * own. One transaction for a whole file outlived the 60 s transaction limit at about 1,000 lines
 * and rolled everything back; a batch is short whatever the file's size, and what is committed
 * stays. A bad line fails only itself; a text the project has (from an earlier batch or import)
 * or the file has on an earlier line is a duplicate.
 *
 * <p>A batch never loads the project: articles point at it by reference, and duplicates are found
 * by one query on {@code (project_id, sha256)} per batch, before anything is written, so that no
 * query flushes the articles written so far.
 */
@ApplicationScoped
public class JsonLinesImporter {

    private static final Logger LOG = Logger.getLogger(JsonLinesImporter.class);

    /**
     * A batch also ends after this many characters of lines, so that a batch of long articles
     * (up to gloss.import.max-article-chars each) stays as short as one of many small ones.
     */
    static final int BATCH_CHARS = 8_000_000;

    @Inject
    ArticleService articles;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ImportConfig config;

    private ObjectMapper reader;

    /** What one committed batch did; {@code lastLine} is the number of the batch's last line. */
    public record Batch(int lastLine, int imported, int duplicates, List<ImportReport.LineError> errors, List<Long> ids) {
    }

    /** Where batches go: {@link #recording} runs inside the batch's transaction, {@link #committed} after it. */
    public interface Outcome {
        default void recording(Batch batch) {
        }

        default void committed(Batch batch) {
        }
    }

    /**
     * Thrown by an {@link Outcome} to end the import: its batch rolls back and is not tried again
     * line by line, since no line is at fault (a background import whose claim another instance
     * has taken).
     */
    public static class Abandoned extends RuntimeException {
        public Abandoned(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether {@code e} is, or wraps (a transaction may), an {@link Abandoned}. */
    public static boolean abandoned(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Abandoned) {
                return true;
            }
        }
        return false;
    }

    @PostConstruct
    void init() {
        reader = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** A file's lines, numbered from 1 in error messages; CRLF and LF both end a line, the last one need not. */
    public static List<String> lines(String text) {
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        return text.isEmpty() || text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }

    /** The whole text, answered when every batch is committed (the synchronous import). */
    public ImportReport importText(long projectId, String text, String username) {
        Project.<Project>findById(projectId).requireWritable();
        ImportReport.Builder report = new ImportReport.Builder();
        importLines(projectId, lines(text), 0, username, new Outcome() {
            @Override
            public void committed(Batch batch) {
                report.imported += batch.imported();
                report.duplicates += batch.duplicates();
                report.errors.addAll(batch.errors());
                report.ids.addAll(batch.ids());
            }
        }, () -> false);
        return report.build();
    }

    /**
     * Imports the lines after the first {@code after}, batch by batch; returns false when
     * {@code stop} ended it between two batches, true once every line is read.
     */
    public boolean importLines(long projectId, List<String> lines, int after, String username, Outcome outcome,
            BooleanSupplier stop) {
        int from = after;
        while (from < lines.size()) {
            if (stop.getAsBoolean()) {
                return false;
            }
            int to = from;
            long chars = 0;
            while (to < lines.size() && to - from < config.batchSize() && (to == from || chars + lines.get(to).length() <= BATCH_CHARS)) {
                chars += lines.get(to).length();
                to++;
            }
            commit(projectId, lines, from, to, username, outcome);
            from = to;
        }
        return true;
    }

    /**
     * One batch in one transaction. When the database refuses it (a text committed meanwhile by
     * another import, a timeout), each of its lines is tried again on its own, so that only the
     * line at fault fails.
     */
    private void commit(long projectId, List<String> lines, int from, int to, String username, Outcome outcome) {
        try {
            outcome.committed(QuarkusTransaction.requiringNew().call(() -> store(projectId, lines, from, to, username, outcome)));
        } catch (RuntimeException batchFailed) {
            if (abandoned(batchFailed)) {
                throw batchFailed;
            }
            if (to - from == 1) {
                LOG.warnf(batchFailed, "Line %d of an import into project %d could not be stored", to, projectId);
                Batch refused = new Batch(to, 0, 0, List.of(new ImportReport.LineError(to,
                        "The article could not be stored; the server log has the details.")), List.of());
                QuarkusTransaction.requiringNew().run(() -> outcome.recording(refused));
                outcome.committed(refused);
                return;
            }
            LOG.debugf(batchFailed, "Batch of lines %d-%d failed; importing its lines one by one", from + 1, to);
            for (int i = from; i < to; i++) {
                commit(projectId, lines, i, i + 1, username, outcome);
            }
        }
    }

    private Batch store(long projectId, List<String> lines, int from, int to, String username, Outcome outcome) {
        // The batch's inserts go to the database in JDBC batches: one round trip each cost most of
        // a PostgreSQL import's time.
        em.unwrap(Session.class).setJdbcBatchSize(config.batchSize());
        Project project = em.getReference(Project.class, projectId);
        List<ImportReport.LineError> errors = new ArrayList<>();
        Map<String, Article> fresh = new LinkedHashMap<>();
        int duplicates = 0;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                ArticleInput input = reader.readValue(line, ArticleInput.class);
                if (input == null) {
                    throw GlossException.badRequest("text", "The line is not a JSON object.");
                }
                Article article = articles.build(project, input, username);
                if (fresh.putIfAbsent(article.sha256, article) != null) {
                    duplicates++;
                }
            } catch (RefusedInputException e) {
                errors.add(new ImportReport.LineError(i + 1, e.getOriginalMessage())); // a sentence already
            } catch (JsonProcessingException e) {
                errors.add(new ImportReport.LineError(i + 1, "Not a JSON object: " + e.getOriginalMessage()));
            } catch (GlossException e) {
                errors.add(new ImportReport.LineError(i + 1, e.getMessage()));
            }
        }
        Set<String> existing = Article.textsAmong(projectId, fresh.keySet());
        List<Long> ids = new ArrayList<>();
        for (Article article : fresh.values()) {
            if (existing.contains(article.sha256)) {
                duplicates++;
            } else {
                article.persist();
                ids.add(article.id);
            }
        }
        Batch batch = new Batch(to, ids.size(), duplicates, List.copyOf(errors), List.copyOf(ids));
        outcome.recording(batch);
        return batch;
    }
}
