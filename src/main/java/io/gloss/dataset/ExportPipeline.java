package io.gloss.dataset;

import io.gloss.dataset.format.FormatWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * One build's export, from the database to the format's writer. A {@link SelectionReader} cuts
 * the selection into batches, fetchers read up to {@code gloss.datasets.read-ahead} of them at
 * once, and the reader hands them, in order, through a {@link BatchQueue} of one to the build's
 * thread, which feeds the writer: the database reads the next batches while the writer encodes
 * this one, and memory holds read-ahead + 2 batches, whatever the size of the articles.
 */
@ApplicationScoped
class ExportPipeline {

    /** How often at most the progress bar's figure is written while a build runs. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    @Inject
    ExportReader reader;

    @Inject
    BuildThreads threads;

    @Inject
    DatasetConfig config;

    /**
     * Hands every selected article with its spans to the stats and the writer, in id order, and
     * now and then the number written so far to {@code progress}. Returns early (the build left as
     * it is) when the server stops; throws what stopped the reader, as the reader saw it.
     */
    void run(DatasetDefinition definition, FormatWriter writer, ExportStats stats, IntConsumer progress)
            throws Exception {
        BatchQueue queue = new BatchQueue(threads::stopping);
        threads.read(new SelectionReader(reader, definition, queue, threads, config.readAhead()));
        try {
            long progressAt = System.nanoTime();
            while (!threads.stopping()) {
                BatchQueue.Item item = queue.poll();
                if (item instanceof BatchQueue.Batch batch) {
                    for (FetchedArticle a : batch.articles()) {
                        stats.add(a.article(), a.spans(), a.relations());
                        writer.article(a.article(), a.spans(), a.relations());
                    }
                    if (System.nanoTime() - progressAt > PROGRESS_EVERY_NANOS) {
                        progress.accept((int) stats.articles());
                        progressAt = System.nanoTime();
                    }
                } else if (item instanceof BatchQueue.ReadFailed failed) {
                    throw failed.cause();
                } else if (item instanceof BatchQueue.SelectionRead) {
                    return;
                }
            }
        } finally {
            queue.writerDone();
        }
    }
}
