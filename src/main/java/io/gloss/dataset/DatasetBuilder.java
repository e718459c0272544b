package io.gloss.dataset;

import io.gloss.dataset.format.ExportContext;
import io.gloss.dataset.format.FormatWriter;
import io.gloss.label.Label;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds datasets in the background, one at a time on one worker thread (exports are I/O-bound
 * and the server has other work): the selection is read in batches, each in a short
 * transaction of its own, and streamed into the format's writer, so that memory holds one
 * batch of articles and one article's spans however large the project. Files are written to
 * {@code <id>.partial/} and moved to {@code <id>/} only when complete, so a download never
 * sees half a dataset. A build cut short by a restart is started again from the beginning,
 * which gives the same files since builds are deterministic.
 */
@ApplicationScoped
public class DatasetBuilder {

    private static final Logger LOG = Logger.getLogger(DatasetBuilder.class);
    /** A batch may stream many spans; the default 60 s transaction timeout is for requests. */
    private static final int BATCH_TIMEOUT_SECONDS = 600;

    @Inject
    ExportReader reader;

    @ConfigProperty(name = "gloss.datasets.dir")
    Path root;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String glossVersion;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gloss-dataset-builder");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean stopping;

    /** The directory of a built dataset's files. */
    public Path directory(long datasetId) {
        return root.resolve(Long.toString(datasetId));
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetQueued event) {
        submit(event.datasetId());
    }

    /** Builds that a stop interrupted start again (RUNNING ones from the beginning). */
    void resume(@Observes StartupEvent event) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Dataset> unfinished = Dataset.list("state in ?1 order by id", List.of(DatasetState.QUEUED, DatasetState.RUNNING));
            unfinished.forEach(d -> {
                d.state = DatasetState.QUEUED;
                d.articlesDone = 0;
            });
            return unfinished.stream().map(d -> d.id).toList();
        });
        if (!ids.isEmpty()) {
            LOG.infof("Resuming %d dataset build(s) interrupted by a stop: %s", ids.size(), ids);
        }
        ids.forEach(this::submit);
    }

    void submit(long datasetId) {
        worker.submit(() -> build(datasetId));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** What a build needs from the database before it starts writing. */
    private record Job(DatasetDefinition definition, List<ExportContext.LabelInfo> labels) {
    }

    void build(long datasetId) {
        Job job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> start(datasetId));
        } catch (RuntimeException e) {
            // Nothing else would ever report it: the worker's future is not read.
            LOG.errorf(e, "Dataset %d could not be started", datasetId);
            QuarkusTransaction.requiringNew().run(() -> fail(datasetId, e));
            return;
        }
        if (job == null) {
            return;
        }
        Path partial = root.resolve(datasetId + ".partial");
        FormatWriter writer = null;
        ExportStats stats = null;
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            ExportContext context = new ExportContext(partial, job.labels(), job.definition().split().splits());
            writer = job.definition().format().writer(context);
            stats = new ExportStats(partial, job.labels().stream().map(ExportContext.LabelInfo::key).toList());
            long after = 0;
            while (!stopping) {
                FormatWriter w = writer;
                ExportStats s = stats;
                long last = after;
                Long next = QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                        .call(() -> batch(job.definition(), last, w, s));
                if (next == null) {
                    break;
                }
                after = next;
                int done = (int) stats.articles();
                QuarkusTransaction.requiringNew().run(() -> Dataset.update("articlesDone = ?1 where id = ?2", done, datasetId));
            }
            if (stopping) {
                return; // left RUNNING: the next start builds it again
            }
            List<DatasetFile> files = new ArrayList<>(writer.finish());
            files.add(ManifestWriter.write(context, glossVersion, job.definition(), stats, writer, files));
            files.sort(Comparator.comparing(f -> f.name));
            writer.close();
            stats.close();
            Path done = directory(datasetId);
            deleteTree(done);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            QuarkusTransaction.requiringNew().run(() -> finish(datasetId, files));
        } catch (Exception e) {
            if (writer != null) {
                writer.abort();
            }
            closeQuietly(writer, stats);
            deleteQuietly(partial);
            if (stopping) {
                return;
            }
            LOG.errorf(e, "Dataset %d could not be built", datasetId);
            QuarkusTransaction.requiringNew().run(() -> fail(datasetId, e));
        }
    }

    /** Marks the dataset RUNNING and reads what the build needs; null when there is nothing to do. */
    private Job start(long datasetId) {
        Dataset dataset = Dataset.findById(datasetId);
        if (dataset == null || !dataset.state.active()) {
            return null;
        }
        DatasetDefinition definition = dataset.definition();
        dataset.state = DatasetState.RUNNING;
        dataset.startedAt = now();
        dataset.articlesDone = 0;
        dataset.articlesTotal = reader.count(definition);
        List<ExportContext.LabelInfo> labels = Label.ofProject(definition.projectId()).stream()
                .filter(l -> definition.labels() == null || definition.labels().contains(l.key))
                .map(l -> new ExportContext.LabelInfo(l.key, l.name, l.color)).toList();
        return new Job(definition, labels);
    }

    /** Writes one batch; returns the last article id written, or null when the selection is done. */
    private Long batch(DatasetDefinition definition, long after, FormatWriter writer, ExportStats stats) throws IOException {
        List<ExportReader.ArticleRow> articles = reader.nextArticles(definition, after);
        if (articles.isEmpty()) {
            return null;
        }
        try (Stream<ExportReader.SpanRow> rows = reader.spans(definition, articles.stream().map(ExportReader.ArticleRow::id).toList())) {
            Iterator<ExportReader.SpanRow> it = rows.iterator();
            ExportReader.SpanRow pending = it.hasNext() ? it.next() : null;
            for (ExportReader.ArticleRow row : articles) {
                CodePointText text = new CodePointText(row.text());
                List<ExportSpan> spans = new ArrayList<>();
                while (pending != null && pending.articleId() == row.id()) {
                    spans.add(span(pending, text));
                    pending = it.hasNext() ? it.next() : null;
                }
                spans.sort(ExportSpan.ORDER);
                ExportArticle article = new ExportArticle(row.id(), row.title(), row.source(), row.url(), row.published(),
                        definition.split().assign(row.id()), text);
                stats.add(article, spans);
                writer.article(article, spans);
            }
        }
        return articles.get(articles.size() - 1).id();
    }

    /**
     * The span with its text cut from the article. Texts never change and quotes are checked on
     * every write, so a mismatch means the data was altered behind Gloss: the build stops rather
     * than export a span whose text and offsets disagree.
     */
    private static ExportSpan span(ExportReader.SpanRow row, CodePointText text) {
        if (row.start() < 0 || row.end() > text.length() || row.start() >= row.end()) {
            throw new IllegalStateException("Annotation " + row.id() + " has offsets [" + row.start() + ", " + row.end()
                    + ") outside its article of " + text.length() + " code points.");
        }
        String covered = text.slice(row.start(), row.end());
        if (!covered.equals(row.quote())) {
            throw new IllegalStateException("Annotation " + row.id() + " no longer matches its article: its quote differs "
                    + "from the text at [" + row.start() + ", " + row.end() + ").");
        }
        return new ExportSpan(row.id(), row.articleId(), row.start(), row.end(), row.label(), covered, row.note(),
                row.status(), row.author(), row.reviewer(), row.created());
    }

    private static void finish(long datasetId, List<DatasetFile> files) {
        Dataset dataset = Dataset.findById(datasetId);
        dataset.state = DatasetState.DONE;
        dataset.articlesDone = dataset.articlesTotal;
        dataset.finishedAt = now();
        dataset.errorMessage = null;
        dataset.files.clear();
        dataset.files.addAll(files);
    }

    private static void fail(long datasetId, Exception e) {
        Dataset dataset = Dataset.findById(datasetId);
        if (dataset == null) {
            return;
        }
        dataset.state = DatasetState.FAILED;
        dataset.finishedAt = now();
        String reason = "An unexpected error stopped it; the server log has the details.";
        // Transactions wrap what the batch threw: look for the cause that explains itself.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null) {
                reason = cause.getMessage();
                break;
            }
            if (cause instanceof IOException) {
                reason = "The files could not be written (" + cause.getMessage() + ").";
                break;
            }
        }
        dataset.errorMessage = "The build failed: " + reason;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // already failing; the directory is removed next
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            deleteTree(directory);
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", directory, e.getMessage());
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
