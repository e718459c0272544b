package io.gloss.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.project.Label;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Inject
    ImportedSpans importedSpans;

    private ObjectMapper reader;

    /** What one committed batch did; {@code lastLine} is the number of the batch's last line. */
    public record Batch(int lastLine, int imported, int duplicates, int spans, List<ImportReport.LineError> errors,
            List<Long> ids) {
    }

    /**
     * One unit of an import, parsed: the article and the spans it carries. {@code name}, when
     * given (a brat document), starts each of its refusals.
     */
    public record Document(String name, ArticleInput input, List<SpanInput> spans) {
    }

    /** Reads one unit (a JSON line, a brat document) into a {@link Document}; a 400 names what is wrong. */
    public interface Parser {
        Document parse(String unit) throws JsonProcessingException;
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
    public ImportReport importText(long projectId, String text, SpanTarget target, String username) {
        return importUnits(projectId, lines(text), this::parseLine, target, username);
    }

    /**
     * Every unit ({@code parse} reads each: lines, or a brat zip's documents), batch by batch,
     * answered when all are committed; a refused unit's {@code line} is its position, from 1.
     */
    public ImportReport importUnits(long projectId, List<String> units, Parser parse, SpanTarget target, String username) {
        Project.<Project>findById(projectId).requireWritable();
        ImportReport.Builder report = new ImportReport.Builder();
        importUnits(projectId, units, 0, parse, target, username, new Outcome() {
            @Override
            public void committed(Batch batch) {
                report.imported += batch.imported();
                report.duplicates += batch.duplicates();
                report.spans += batch.spans();
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
    public boolean importLines(long projectId, List<String> lines, int after, SpanTarget target, String username,
            Outcome outcome, BooleanSupplier stop) {
        return importUnits(projectId, lines, after, this::parseLine, target, username, outcome, stop);
    }

    private boolean importUnits(long projectId, List<String> lines, int after, Parser parse, SpanTarget target,
            String username, Outcome outcome, BooleanSupplier stop) {
        Run run = new Run(projectId, lines, parse, target, username, outcome);
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
            commit(run, from, to);
            from = to;
        }
        return true;
    }

    /** What every batch of one import shares. */
    private record Run(long projectId, List<String> lines, Parser parse, SpanTarget target, String username,
            Outcome outcome) {
    }

    /**
     * The line with its {@code meta} fields (Gloss' JSONL export keeps title, source, url and
     * published there) where it lacks them at the top, so that an export imports as it was.
     */
    private static JsonNode meta(JsonNode node) {
        JsonNode meta = node.get("meta");
        if (meta == null || !meta.isObject()) {
            return node;
        }
        ObjectNode merged = meta.deepCopy();
        merged.setAll((ObjectNode) node);
        return merged;
    }

    /** A JSON line: the article's fields, and {@code spans} if it carries any. */
    private Document parseLine(String line) throws JsonProcessingException {
        JsonNode node = reader.readTree(line);
        if (node == null || !node.isObject()) {
            throw GlossException.badRequest("text", "The line is not a JSON object.");
        }
        ArticleInput input = reader.treeToValue(meta(node), ArticleInput.class);
        JsonNode spans = node.get("spans");
        if (spans == null || spans.isNull()) {
            return new Document(null, input, List.of());
        }
        if (!spans.isArray()) {
            throw GlossException.badRequest("spans", "spans is a list: [{start, end, label, text}].");
        }
        List<SpanInput> list = new ArrayList<>();
        for (JsonNode span : spans) {
            if (!span.isObject()) {
                throw GlossException.badRequest("spans", "Each of spans is an object: {start, end, label, text}.");
            }
            list.add(reader.treeToValue(span, SpanInput.class));
        }
        return new Document(null, input, list);
    }

    /**
     * One batch in one transaction. When the database refuses it (a text committed meanwhile by
     * another import, a timeout), each of its lines is tried again on its own, so that only the
     * line at fault fails.
     */
    private void commit(Run run, int from, int to) {
        try {
            run.outcome().committed(QuarkusTransaction.requiringNew().call(() -> store(run, from, to)));
        } catch (RuntimeException batchFailed) {
            if (abandoned(batchFailed)) {
                throw batchFailed;
            }
            if (to - from == 1) {
                LOG.warnf(batchFailed, "Line %d of an import into project %d could not be stored", to, run.projectId());
                Batch refused = new Batch(to, 0, 0, 0, List.of(new ImportReport.LineError(to,
                        "The article could not be stored; the server log has the details.")), List.of());
                QuarkusTransaction.requiringNew().run(() -> run.outcome().recording(refused));
                run.outcome().committed(refused);
                return;
            }
            LOG.debugf(batchFailed, "Batch of lines %d-%d failed; importing its lines one by one", from + 1, to);
            for (int i = from; i < to; i++) {
                commit(run, i, i + 1);
            }
        }
    }

    /** An article of the batch, with the line it came from and the spans of every line that has its text. */
    private record Pending(Article article, int line, String name, List<CheckedSpan> spans) {
    }

    private Batch store(Run run, int from, int to) {
        // The batch's inserts go to the database in JDBC batches: one round trip each cost most of
        // a PostgreSQL import's time.
        em.unwrap(Session.class).setJdbcBatchSize(config.batchSize());
        long projectId = run.projectId();
        Project project = em.getReference(Project.class, projectId);
        List<ImportReport.LineError> errors = new ArrayList<>();
        Map<String, Pending> fresh = new LinkedHashMap<>();
        Map<String, Label> labels = new HashMap<>();
        int duplicates = 0;
        for (int i = from; i < to; i++) {
            String line = run.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            String name = null;
            try {
                Document document = run.parse().parse(line);
                name = document.name();
                Article article = articles.build(project, document.input(), run.username());
                List<CheckedSpan> spans = checked(document, article, labels);
                Pending first = fresh.putIfAbsent(article.sha256, new Pending(article, i + 1, name, new ArrayList<>(spans)));
                if (first != null) {
                    duplicates++;
                    first.spans().addAll(spans); // the same text: its spans fit the first line's article
                }
            } catch (RefusedInputException e) {
                errors.add(new ImportReport.LineError(i + 1, named(name, e.getOriginalMessage()))); // a sentence already
            } catch (JsonProcessingException e) {
                errors.add(new ImportReport.LineError(i + 1, "Not a JSON object: " + e.getOriginalMessage()));
            } catch (GlossException e) {
                errors.add(new ImportReport.LineError(i + 1, named(name, e.getMessage())));
            }
        }
        Map<String, Long> existing = Article.textsAmong(projectId, fresh.keySet());
        List<Long> ids = new ArrayList<>();
        List<Pending> withSpans = new ArrayList<>();
        for (Pending pending : fresh.values()) {
            Long known = existing.get(pending.article().sha256);
            if (known == null) {
                pending.article().persist();
                ids.add(pending.article().id);
                withSpans.add(pending);
            } else {
                duplicates++;
                if (!pending.spans().isEmpty()) {
                    // Spans for an article the project has: they go on it (its text is the same).
                    withSpans.add(new Pending(Article.findById(known), pending.line(), pending.name(), pending.spans()));
                }
            }
        }
        int spans = 0;
        for (Pending pending : withSpans) {
            if (pending.spans().isEmpty()) {
                continue;
            }
            if (pending.article().retiredAt != null) {
                errors.add(new ImportReport.LineError(pending.line(), named(pending.name(), "The project has this text as a "
                        + "retired article, \"" + pending.article().title + "\"; restore it to import its spans.")));
                continue;
            }
            spans += importedSpans.store(pending.article(), pending.spans(), run.target());
        }
        errors.sort(Comparator.comparingInt(ImportReport.LineError::line));
        Batch batch = new Batch(to, ids.size(), duplicates, spans, List.copyOf(errors), List.copyOf(ids));
        run.outcome().recording(batch);
        return batch;
    }

    /** The document's spans checked against its text; the first bad one refuses the whole line, saying why. */
    private static List<CheckedSpan> checked(Document document, Article article, Map<String, Label> labels) {
        List<CheckedSpan> spans = new ArrayList<>();
        for (int i = 0; i < document.spans().size(); i++) {
            SpanInput span = document.spans().get(i);
            try {
                spans.add(span.check(document.input().text(), article, labels));
            } catch (GlossException e) {
                throw GlossException.badRequest("spans", span.describe(i + 1) + ": " + e.getMessage());
            }
        }
        return spans;
    }

    private static String named(String name, String message) {
        return name == null ? message : name + ": " + message;
    }
}
