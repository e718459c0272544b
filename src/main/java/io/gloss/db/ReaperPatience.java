package io.gloss.db;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;

/**
 * Keeps the transaction manager from interrupting a thread inside the embedded H2 database.
 *
 * <p>When a transaction outlives its timeout, Narayana's reaper rolls it back from a worker thread
 * of its own, while the request's thread may still be running a statement on the same connection:
 * the worker waits for H2's session lock. After 500 ms of waiting the reaper takes the worker for
 * wedged and interrupts it; the worker then rolls back with its interrupt flag set, H2 writes the
 * rollback through a {@code FileChannel}, which the JDK closes under an interrupted thread
 * ({@code ClosedByInterruptException}), and H2 closes the database: every later request answered
 * 500 until a restart. The worker is never wedged on H2, only waiting for a statement that ends,
 * so on H2 the reaper waits for it instead. On PostgreSQL an interrupt is harmless and Narayana's
 * default stays.
 */
@ApplicationScoped
public class ReaperPatience {

    /** Longer than any statement waits or runs: in practice the reaper never interrupts. */
    static final Duration CANCEL_WAIT = Duration.ofHours(1);

    @Inject
    Database database;

    /**
     * The reaper reads the setting when it is created, at the first transaction with a timeout:
     * this runs before every other start-up observer, and nothing opens a transaction before them.
     */
    void configure(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (database.isH2()) {
            arjPropertyManager.getCoordinatorEnvironmentBean().setTxReaperCancelWaitPeriod(CANCEL_WAIT.toMillis());
        }
    }
}
