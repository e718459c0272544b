package io.gloss.dataset;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.db.InstanceIdentity;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Build claims between instances sharing the database: one winner of a race, a lease run out
 * taken over, a build whose lease was taken stopping without writing, a stop giving builds back.
 * Other instances are played by their ids in the rows; the builder of this one is the real one.
 */
@QuarkusTest
class DatasetClaimTest {

    @Inject
    ExportFixture fx;

    @Inject
    DatasetBuilder builder;

    @Inject
    BuildTransitions transitions;

    @Inject
    InstanceIdentity instance;

    @Inject
    DatasetStorage storage;

    @Inject
    ExportReader reader;

    long projectId;
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("claim-reviewer");
        long article = fx.article(projectId, "One", "Zelensky spoke in Kyiv.");
        fx.insert(projectId, article, "ACTOR", 0, 8, "Zelensky", "APPROVED", "claim-reviewer", "someone", null);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void ofTwoInstancesClaimingAtOnceExactlyOneWins() throws Exception {
        // While the first holds the row (its claim not yet committed), the second claims it.
        long held = row(DatasetState.QUEUED, null, null);
        Instant now = Instant.now();
        CountDownLatch firstClaimed = new CountDownLatch(1);
        Future<Boolean> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean won = Dataset.claim(held, "instance-a", now, now.plusSeconds(30));
            firstClaimed.countDown();
            Thread.sleep(300);
            return won;
        }));
        Future<Boolean> second = threads.submit(() -> {
            firstClaimed.await(10, TimeUnit.SECONDS);
            return QuarkusTransaction.requiringNew().call(() -> Dataset.claim(held, "instance-b", now, now.plusSeconds(30)));
        });
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertFalse(second.get(10, TimeUnit.SECONDS));
        assertEquals("instance-a", dataset(held).claimedBy);
        assertEquals(DatasetState.RUNNING, dataset(held).state);

        // Released at the same moment, several times over: one winner each time.
        for (int i = 0; i < 5; i++) {
            long id = row(DatasetState.QUEUED, null, null);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (String name : List.of("instance-a", "instance-b")) {
                claims.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return QuarkusTransaction.requiringNew().call(() -> Dataset.claim(id, name, now, now.plusSeconds(30)));
                }));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "exactly one claim wins");
        }
    }

    @Test
    void theHeartbeatMovesOnlyThisInstancesOwnLease() {
        Instant soon = Instant.now().plusSeconds(5);
        long mine = row(DatasetState.RUNNING, instance.id(), soon);
        long others = row(DatasetState.RUNNING, "other-instance", soon);
        assertTrue(transitions.renew(mine));
        assertTrue(dataset(mine).leaseUntil.isAfter(soon.plusSeconds(60)), "renewed for a whole lease");
        assertFalse(transitions.renew(others), "another instance's build is not this one's to renew");
        assertEquals(soon.toEpochMilli(), dataset(others).leaseUntil.toEpochMilli());
    }

    @Test
    @TestSecurity(user = "claim-reviewer", roles = "reviewer")
    void aBuildWhoseLeaseRanOutIsTakenOverAndOneStillLeasedIsNot() throws Exception {
        long leased = row(DatasetState.RUNNING, "live-instance", Instant.now().plusSeconds(3600));
        long abandoned = row(DatasetState.RUNNING, "dead-instance", Instant.now().minusSeconds(1));
        builder.scan();
        assertEquals("DONE", ExportFixture.await(abandoned).getString("state"));
        assertEquals(instance.id(), dataset(abandoned).claimedBy);
        assertTrue(ExportFixture.download(abandoned, "dataset.jsonl").length > 0);
        // The worker took them in order: the leased one was looked at first and left alone.
        Dataset still = dataset(leased);
        assertEquals(DatasetState.RUNNING, still.state);
        assertEquals("live-instance", still.claimedBy);
    }

    @Test
    @TestSecurity(user = "claim-reviewer", roles = "reviewer")
    void aBuildWhoseLeaseWasTakenOverStopsWithoutWriting() throws Exception {
        ExportReader real = ClientProxy.unwrap(reader);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        QuarkusMock.installMockForType(new ExportReader() {
            @Override
            public int count(DatasetDefinition d) {
                return 1;
            }

            @Override
            public List<Long> nextBatch(DatasetDefinition d, long afterId) {
                return afterId < 1 ? List.of(1L) : List.of();
            }

            @Override
            public List<ArticleRow> articles(List<Long> ids) {
                reading.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(new ArticleRow(1, "Title", null, null, null, "Text"));
            }

            @Override
            public Stream<SpanRow> spans(DatasetDefinition d, List<Long> articleIds) {
                return Stream.empty();
            }
        }, ExportReader.class);
        long id;
        try {
            id = given().contentType(ContentType.JSON).body(Map.of("projectId", projectId, "name", "Taken", "format", "jsonl"))
                    .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            // Another instance took the build over (this one's heartbeat was late, say).
            fx.execute("update dataset set claimed_by = 'other-instance', lease_until = ? where id = ?",
                    java.sql.Timestamp.from(Instant.now().plusSeconds(3600)), id);
            goOn.countDown();
        } finally {
            QuarkusMock.installMockForType(real, ExportReader.class);
        }
        // The worker builds one at a time: once the next is done, the taken one has stopped.
        ExportFixture.built(Map.of("projectId", projectId, "name", "Next", "format", "jsonl"));
        Dataset taken = dataset(id);
        assertEquals(DatasetState.RUNNING, taken.state);
        assertEquals("other-instance", taken.claimedBy);
        assertTrue(taken.files.isEmpty(), "no files recorded");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> storage.stored(id)), "no bytes stored");
    }

    @Test
    @TestSecurity(user = "claim-reviewer", roles = "reviewer")
    void aStopGivesThisInstancesBuildsBack() throws Exception {
        long mine = row(DatasetState.RUNNING, instance.id(), Instant.now().plusSeconds(3600));
        long others = row(DatasetState.RUNNING, "other-instance", Instant.now().plusSeconds(3600));
        List<Long> released = transitions.release();
        assertTrue(released.contains(mine));
        assertFalse(released.contains(others));
        Dataset queued = dataset(mine);
        assertEquals(DatasetState.QUEUED, queued.state);
        assertNull(queued.claimedBy);
        assertEquals("other-instance", dataset(others).claimedBy);
        // Queued again, it is anyone's: here, the next look builds it.
        builder.scan();
        assertEquals("DONE", ExportFixture.await(mine).getString("state"));
    }

    /** A dataset row as another instance would have left it, without waking this instance's builder. */
    private long row(DatasetState state, String claimedBy, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset d = new Dataset();
            d.projectId = projectId;
            d.name = "Claimed";
            d.format = DatasetFormat.JSONL.key();
            d.statuses = "APPROVED";
            d.splitTrain = BigDecimal.ONE;
            d.splitDev = BigDecimal.ZERO;
            d.splitTest = BigDecimal.ZERO;
            d.csvEscapeFormulas = true;
            d.state = state;
            d.claimedBy = claimedBy;
            d.leaseUntil = leaseUntil;
            d.createdBy = "claim-reviewer";
            d.createdAt = Instant.now();
            d.persist();
            return d.id;
        });
    }

    private static Dataset dataset(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset d = Dataset.findById(id);
            d.files.size(); // loaded while the transaction is open
            return d;
        });
    }
}
