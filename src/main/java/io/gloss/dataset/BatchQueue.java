package io.gloss.dataset;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The hand-over from an export's reader to its writer, in order, one item at a time: one batch
 * waits here while the writer works through the previous one. Neither side is ever interrupted
 * (see {@link BuildThreads}): each waits in turns of {@value #WAIT_MILLIS} ms and looks in between
 * whether to stop.
 */
final class BatchQueue {

    /** How long the reader and the writer wait for each other before looking whether to stop. */
    private static final long WAIT_MILLIS = 100;

    /** What the reader hands the writer, in order. */
    sealed interface Item permits Batch, SelectionRead, ReadFailed {
    }

    /** One batch: its articles with their spans, checked and sorted. */
    record Batch(List<FetchedArticle> articles) implements Item {
    }

    /** Every batch has been read. */
    record SelectionRead() implements Item {
    }

    /** What stopped the reader, for the writer to throw. */
    record ReadFailed(Exception cause) implements Item {
    }

    /** Thrown where the reader waits, when the writer no longer takes anything. */
    static final class WriterGone extends Exception {
        WriterGone() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(1);
    private final AtomicBoolean writerDone = new AtomicBoolean();
    private final BooleanSupplier stopping;

    /** {@code stopping}: whether the server is stopping, which stops the writer too. */
    BatchQueue(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    /** The writer's side: the next item, or null when none came within a wait. */
    Item poll() throws InterruptedException {
        return queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The writer's side: it takes nothing more; the reader stops at its next wait, if it has not finished. */
    void writerDone() {
        writerDone.set(true);
    }

    /** The reader's side: whether the writer has stopped (failed, or the server is stopping). */
    boolean writerGone() {
        return writerDone.get() || stopping.getAsBoolean();
    }

    /** The reader's side: hands the item over once there is room. */
    void offer(Item item) throws InterruptedException, WriterGone {
        while (!queue.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (writerGone()) {
                throw new WriterGone();
            }
        }
    }

    /** The reader's side: what a fetch gives once it is done, waited for in the same turns. */
    <T> T await(Future<T> fetch) throws InterruptedException, ExecutionException, WriterGone {
        while (true) {
            try {
                return fetch.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillFetching) {
                if (writerGone()) {
                    throw new WriterGone();
                }
            }
        }
    }
}
