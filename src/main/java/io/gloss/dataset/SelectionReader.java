package io.gloss.dataset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The reader's side of an export, on a thread of its own: cuts the selection into batches and
 * hands them over in order, while fetchers fetch up to {@code gloss.datasets.read-ahead} of them at
 * once, each in a transaction of its own. Fetched one at a time, the database sat idle while a
 * batch's rows were decoded and checked, and the reader sat idle while the database read the next
 * batch: on PostgreSQL 40 % of the reader's time was spent waiting for its answers.
 */
final class SelectionReader implements Runnable {

    private final ExportReader reader;
    private final DatasetDefinition definition;
    private final BatchQueue queue;
    private final BuildThreads threads;
    private final int readAhead;
    private final BatchFetcher fetcher;
    /** Batches being fetched, oldest first; each stays listed until it is handed over. */
    private final Deque<Future<List<FetchedArticle>>> fetching = new ArrayDeque<>();

    SelectionReader(ExportReader reader, DatasetDefinition definition, BatchQueue queue, BuildThreads threads,
            int readAhead) {
        this.reader = reader;
        this.definition = definition;
        this.queue = queue;
        this.threads = threads;
        this.readAhead = readAhead;
        this.fetcher = new BatchFetcher(reader, definition);
    }

    @Override
    public void run() {
        try {
            long after = 0;
            while (!queue.writerGone()) {
                long last = after;
                List<Long> ids = QuarkusTransaction.requiringNew().call(() -> reader.nextBatch(definition, last));
                if (ids.isEmpty()) {
                    while (!fetching.isEmpty()) {
                        handOver();
                    }
                    queue.offer(new BatchQueue.SelectionRead());
                    return;
                }
                fetching.add(threads.fetch(() -> fetcher.fetch(ids)));
                if (fetching.size() >= readAhead) {
                    handOver();
                }
                after = ids.get(ids.size() - 1);
            }
        } catch (BatchQueue.WriterGone gone) {
            // the writer has stopped (failed, or the server is stopping): nobody waits for more
        } catch (Exception | Error e) {
            // Even an Error is handed over: a writer left waiting would hold up every later build.
            Throwable thrown = e instanceof ExecutionException fetch ? fetch.getCause() : e;
            Exception cause = thrown instanceof Exception exception ? exception : new RuntimeException(thrown);
            try {
                queue.offer(new BatchQueue.ReadFailed(cause));
            } catch (BatchQueue.WriterGone | InterruptedException ignored) {
                // nobody to tell
            }
        } finally {
            // Batches not handed over: those not started never start, a running one finishes and is dropped.
            fetching.forEach(batch -> batch.cancel(false));
        }
    }

    /** The oldest batch being fetched, once fetched, to the writer. */
    private void handOver() throws InterruptedException, ExecutionException, BatchQueue.WriterGone {
        List<FetchedArticle> articles = queue.await(fetching.peek());
        fetching.remove();
        queue.offer(new BatchQueue.Batch(articles));
    }
}
