package io.gloss.dataset;

import io.gloss.dataset.format.ExportContext;
import io.gloss.dataset.format.FormatWriter;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.text.CodePointText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds datasets in the background, one at a time (exports are I/O-bound and the server has
 * other work). A reader cuts the selection into batches, fetchers read a few batches at once, each
 * in a short transaction of its own, and the reader hands the batches, in order, to the writer
 * through a queue of one, so that the database works on the next batches while the format's writer
 * encodes this one; memory holds a few batches however large the project or its articles. Files
 * are written to {@code <id>.partial/} and moved to {@code <id>/} only when complete, so a
 * download never sees half a dataset. A build cut short by a restart is started again from the beginning,
 * which gives the same files since builds are deterministic.
 */
@ApplicationScoped
public class DatasetBuilder {

    private static final Logger LOG = Logger.getLogger(DatasetBuilder.class);
    /** A batch may stream many spans; the default 60 s transaction timeout is for requests. */
    private static final int BATCH_TIMEOUT_SECONDS = 600;

    @Inject
    ExportReader reader;

    @Inject
    DatasetConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String glossVersion;

    /** How long the reader and the writer wait for each other before looking whether to stop. */
    private static final long WAIT_MILLIS = 100;

    /** How often at most the progress bar's figure is written while a build runs. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ExecutorService worker = daemon("gloss-dataset-builder");
    private final ExecutorService readers = daemon("gloss-dataset-reader");

    private ExecutorService fetchers;

    private volatile boolean stopping;

    /** The directory of a built dataset's files. */
    public Path directory(long datasetId) {
        return config.dir().resolve(Long.toString(datasetId));
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetQueued event) {
        submit(event.datasetId());
    }

    /**
     * Builds that a stop interrupted start again (RUNNING ones from the beginning). The worker
     * looks for them, off the start's path (its first query cost 0.2 s of a 3 s start); it runs
     * one task at a time, so a dataset queued meanwhile and found here too is built once: the
     * second turn finds it done.
     */
    void resume(@Observes StartupEvent event) {
        worker.submit(() -> {
            try {
                resumeInterrupted();
            } catch (RuntimeException e) {
                if (!stopping) { // a stop right after the start closes the database under it: no error
                    LOG.error("Could not look for dataset builds interrupted by a stop", e);
                }
            }
        });
    }

    @PostConstruct
    void startFetchers() {
        fetchers = Executors.newFixedThreadPool(config.readAhead(), daemonThreads("gloss-dataset-fetcher"));
    }

    /** Set when the stop begins, before the database is closed (@PreDestroy comes later). */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void resumeInterrupted() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Dataset> unfinished = Dataset.unfinished();
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

    /**
     * Lets the build's threads see {@code stopping} and finish (within a batch), rather than
     * interrupting them (see {@link #write}); builds still queued return at once.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        for (ExecutorService threads : List.of(worker, readers, fetchers)) {
            threads.shutdown();
        }
        for (ExecutorService threads : List.of(worker, readers, fetchers)) {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(daemonThreads(name));
    }

    /** Daemon threads named {@code name}, then {@code name-2}, {@code name-3}, … */
    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger made = new AtomicInteger();
        return task -> {
            int n = made.incrementAndGet();
            Thread thread = new Thread(task, n == 1 ? name : name + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What a build needs from the database before it starts writing. */
    private record Job(DatasetDefinition definition, List<ExportContext.LabelInfo> labels) {
    }

    /** What the reader hands the writer, in order. */
    private sealed interface Item permits Batch, SelectionRead, ReadFailed {
    }

    /** One batch: its articles with their spans, checked and sorted. */
    private record Batch(List<ArticleItem> articles) implements Item {
    }

    private record ArticleItem(ExportArticle article, List<ExportSpan> spans) {
    }

    /** Every batch has been read. */
    private record SelectionRead() implements Item {
    }

    private record ReadFailed(Exception cause) implements Item {
    }

    void build(long datasetId) {
        if (stopping) {
            return; // left as it is (QUEUED): the next start builds it
        }
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
        Path partial = config.dir().resolve(datasetId + ".partial");
        FormatWriter writer = null;
        ExportStats stats = null;
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            ExportContext context = new ExportContext(partial, job.labels(), job.definition().split().splits(),
                    job.definition().csvEscapeFormulas());
            writer = job.definition().format().writer(context);
            stats = new ExportStats(partial, job.labels().stream().map(ExportContext.LabelInfo::key).toList());
            write(datasetId, job.definition(), writer, stats);
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
        dataset.startedAt = Timestamps.now();
        dataset.articlesDone = 0;
        dataset.articlesTotal = reader.count(definition);
        List<ExportContext.LabelInfo> labels = Label.ofProject(definition.projectId()).stream()
                .filter(l -> definition.labels() == null || definition.labels().contains(l.key))
                .map(l -> new ExportContext.LabelInfo(l.key, l.name, l.color)).toList();
        return new Job(definition, labels);
    }

    /**
     * The writer's side: takes what the reader sends until the selection is read, moving the
     * progress bar now and then. Returns early (the build left as it is) when the server stops.
     *
     * <p>No thread of a build is ever interrupted: one interrupted while it reads the embedded H2
     * database closes the database for the whole server (H2 asks that applications never do it).
     * The reader and the writer wait with timeouts instead and look at {@code stopping} and at
     * each other.
     */
    private void write(long datasetId, DatasetDefinition definition, FormatWriter writer, ExportStats stats)
            throws Exception {
        // One batch waits here while the writer works through the previous one: with the batches
        // being fetched, memory holds read-ahead + 2 batches, whatever the size of the articles.
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(1);
        AtomicBoolean writerDone = new AtomicBoolean();
        readers.submit(() -> read(definition, queue, () -> writerDone.get() || stopping));
        try {
            long progressAt = System.nanoTime();
            while (!stopping) {
                Item item = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (item instanceof Batch batch) {
                    for (ArticleItem a : batch.articles()) {
                        stats.add(a.article(), a.spans());
                        writer.article(a.article(), a.spans());
                    }
                    if (System.nanoTime() - progressAt > PROGRESS_EVERY_NANOS) {
                        int done = (int) stats.articles();
                        QuarkusTransaction.requiringNew().run(() -> Dataset.recordProgress(datasetId, done));
                        progressAt = System.nanoTime();
                    }
                } else if (item instanceof ReadFailed failed) {
                    throw failed.cause(); // as the reader saw it: fail() explains it the same way
                } else if (item instanceof SelectionRead) {
                    return;
                }
            }
        } finally {
            writerDone.set(true); // the reader stops at its next wait, if it has not finished
        }
    }

    /**
     * The reader's side: cuts the selection into batches and hands them over in order, while
     * {@code fetchers} fetch up to {@code gloss.datasets.read-ahead} of them at once, each in a
     * transaction of its own. Fetched one at a time, the database sat idle while a batch's rows
     * were decoded and checked, and the reader sat idle while the database read the next batch:
     * on PostgreSQL 40 % of the reader's time was spent waiting for its answers.
     */
    private void read(DatasetDefinition definition, BlockingQueue<Item> queue, BooleanSupplier writerGone) {
        Deque<Future<List<ArticleItem>>> fetching = new ArrayDeque<>();
        try {
            long after = 0;
            while (!writerGone.getAsBoolean()) {
                long last = after;
                List<Long> ids = QuarkusTransaction.requiringNew().call(() -> reader.nextBatch(definition, last));
                if (ids.isEmpty()) {
                    while (!fetching.isEmpty()) {
                        handOver(fetching, queue, writerGone);
                    }
                    offer(new SelectionRead(), queue, writerGone);
                    return;
                }
                fetching.add(fetchers.submit(() -> QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                        .call(() -> fetch(definition, ids))));
                if (fetching.size() >= config.readAhead()) {
                    handOver(fetching, queue, writerGone);
                }
                after = ids.get(ids.size() - 1);
            }
        } catch (WriterGone gone) {
            // the writer has stopped (failed, or the server is stopping): nobody waits for more
        } catch (Exception | Error e) {
            // Even an Error is handed over: a writer left waiting would hold up every later build.
            Throwable thrown = e instanceof ExecutionException fetch ? fetch.getCause() : e;
            Exception cause = thrown instanceof Exception exception ? exception : new RuntimeException(thrown);
            try {
                offer(new ReadFailed(cause), queue, writerGone);
            } catch (WriterGone | InterruptedException ignored) {
                // nobody to tell
            }
        } finally {
            // Batches not handed over: those not started never start, a running one finishes and is dropped.
            fetching.forEach(batch -> batch.cancel(false));
        }
    }

    /** Thrown where the reader waits, when the writer no longer takes anything. */
    private static final class WriterGone extends Exception {
        WriterGone() {
            super(null, null, false, false);
        }
    }

    /** The oldest batch being fetched, once fetched, to the writer; it stays listed until then. */
    private static void handOver(Deque<Future<List<ArticleItem>>> fetching, BlockingQueue<Item> queue,
            BooleanSupplier writerGone) throws InterruptedException, ExecutionException, WriterGone {
        Future<List<ArticleItem>> oldest = fetching.peek();
        List<ArticleItem> articles = null;
        while (articles == null) {
            try {
                articles = oldest.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillFetching) {
                if (writerGone.getAsBoolean()) {
                    throw new WriterGone();
                }
            }
        }
        fetching.remove();
        offer(new Batch(articles), queue, writerGone);
    }

    private static void offer(Item item, BlockingQueue<Item> queue, BooleanSupplier writerGone)
            throws InterruptedException, WriterGone {
        while (!queue.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (writerGone.getAsBoolean()) {
                throw new WriterGone();
            }
        }
    }

    /** The exception or the first of its causes that matches: transactions wrap what a batch threw. */
    private static Optional<Throwable> firstCause(Throwable e, Predicate<Throwable> matches) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (matches.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /** One batch's articles with their spans, checked and sorted. */
    private List<ArticleItem> fetch(DatasetDefinition definition, List<Long> ids) {
        List<ExportReader.ArticleRow> articles = reader.articles(ids);
        List<ArticleItem> items = new ArrayList<>(articles.size());
        try (Stream<ExportReader.SpanRow> rows = reader.spans(definition, ids)) {
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
                items.add(new ArticleItem(new ExportArticle(row.id(), row.title(), row.source(), row.url(), row.published(),
                        definition.split().assign(row.id()), text), spans));
            }
        }
        return items;
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
        dataset.finishedAt = Timestamps.now();
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
        dataset.finishedAt = Timestamps.now();
        // The first cause that explains itself: a broken invariant's sentence, or a file problem.
        String reason = firstCause(e, c -> c instanceof IllegalStateException && c.getMessage() != null || c instanceof IOException)
                .map(c -> c instanceof IOException ? "The files could not be written (" + c.getMessage() + ")." : c.getMessage())
                .orElse("An unexpected error stopped it; the server log has the details.");
        dataset.errorMessage = "The build failed: " + reason;
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
