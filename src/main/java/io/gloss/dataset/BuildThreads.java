package io.gloss.dataset;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The threads dataset builds run on, and how they stop. One worker runs one build at a time:
 * exports are I/O-bound and the server has other work, so they get a thread of their own rather
 * than a managed executor's, where they would compete with requests on small servers. While a
 * build writes, its reader cuts the selection into batches on another thread and the fetchers
 * read {@code gloss.datasets.read-ahead} of them at once.
 *
 * <p>No thread of a build is ever interrupted: one interrupted while it reads the embedded H2
 * database closes the database for the whole server (H2 asks that applications never do it).
 * The threads look at {@link #stopping()} instead and finish within a batch.
 */
@ApplicationScoped
class BuildThreads {

    private static final Logger LOG = Logger.getLogger(BuildThreads.class);

    @Inject
    DatasetConfig config;

    private final ExecutorService worker = single("gloss-dataset-builder");
    private final ExecutorService readers = single("gloss-dataset-reader");
    /** Heartbeats of the builds and the periodic look for claimable ones: short queries only. */
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("gloss-dataset-timer"));
    private ExecutorService fetchers;

    private volatile boolean stopping;

    @PostConstruct
    void startFetchers() {
        fetchers = Executors.newFixedThreadPool(config.readAhead(), daemonThreads("gloss-dataset-fetcher"));
    }

    /** Whether the server is stopping: a build that sees it returns, leaving its dataset to the next start. */
    boolean stopping() {
        return stopping;
    }

    /** Runs the task on the worker, after every task handed to it before. */
    void work(Runnable task) {
        worker.submit(task);
    }

    /** Runs a build's reader. */
    void read(Runnable reader) {
        readers.submit(reader);
    }

    /** Fetches a batch on a fetcher, beside the batches being fetched already. */
    <T> Future<T> fetch(Callable<T> batch) {
        return fetchers.submit(batch);
    }

    /** Runs the task every {@code period} from one period on, until cancelled; a task that throws is run again all the same. */
    ScheduledFuture<?> every(Duration period, Runnable task) {
        long millis = Math.max(1, period.toMillis());
        return timer.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warn("A dataset timer task failed; it runs again at its next turn", e);
                }
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Set when the stop begins, before the database is closed (@PreDestroy comes later). */
    void stopBegins(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Lets the threads see {@link #stopping()} and finish; builds still queued return at once. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        for (ExecutorService threads : List.of(worker, readers, fetchers)) {
            threads.shutdown();
        }
        for (ExecutorService threads : List.of(worker, readers, fetchers)) {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static ExecutorService single(String name) {
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
}
