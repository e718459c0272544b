package io.gloss.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A task handed to {@link AfterCommit} runs once its transaction commits, never when it rolls back. */
@QuarkusTest
class AfterCommitTest {

    @Inject
    AfterCommit afterCommit;

    @Test
    void runsAfterTheCommitOnly() {
        AtomicInteger runs = new AtomicInteger();
        QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(runs::incrementAndGet);
            assertEquals(0, runs.get(), "not before the commit");
        });
        assertEquals(1, runs.get());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(runs::incrementAndGet);
            throw new IllegalStateException("rolled back");
        }));
        // Marked for rollback: the commit fails.
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(runs::incrementAndGet);
            QuarkusTransaction.setRollbackOnly();
        }));
        assertEquals(1, runs.get(), "a rolled-back transaction runs nothing");
    }
}
