package io.gloss.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.db.InstanceIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Background import claims between instances sharing the database: one winner of a race, a
 * lease run out taken over after the last committed line (every article once), a live lease left
 * alone, a stop giving jobs back. Other instances are played by their ids in the rows; the runner
 * of this one is the real one.
 */
@QuarkusTest
class ImportClaimTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    ImportJobRunner runner;

    @Inject
    InstanceIdentity instance;

    long projectId;
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void fixture() {
        accounts.ensure("claim-admin", "admin");
        projectId = data.project("claim-admin");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A job of six lines, the first {@code linesRead} of them committed by {@code claimedBy}, its file stored. */
    long job(ImportState state, String claimedBy, Instant leaseUntil, int linesRead, String tag) {
        byte[] file = BackgroundImportTest.lines(6, tag).toString().getBytes(StandardCharsets.UTF_8);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.projectId = projectId;
            job.fileName = tag + ".jsonl";
            job.bytes = file.length;
            job.state = state;
            job.linesTotal = 6;
            job.linesRead = linesRead;
            job.imported = linesRead;
            job.createdBy = "claim-admin";
            job.createdAt = Instant.now();
            job.startedAt = claimedBy == null ? null : Instant.now();
            job.claimedBy = claimedBy;
            job.leaseUntil = leaseUntil;
            job.persistAndFlush();
            ImportJob.storeFile(job.id, file);
            return job.id;
        });
    }

    ImportJob row(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
    }

    long articles() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("project.id", projectId));
    }

    JsonPath awaitEnd(long jobId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath job = accounts.as("claim-admin").get("/api/imports/" + jobId).then().statusCode(200).extract().jsonPath();
            if (!ImportState.valueOf(job.getString("state")).active()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Import " + jobId + " did not end within a minute");
    }

    /** Fails on the code before V13: there was no claim, an instance starting reset every RUNNING job to QUEUED. */
    @Test
    void ofTwoInstancesClaimingAtOnceExactlyOneWins() throws Exception {
        // While the first holds the row (its claim not yet committed), the second claims it.
        long held = job(ImportState.QUEUED, null, null, 0, "held");
        Instant now = Instant.now();
        CountDownLatch firstClaimed = new CountDownLatch(1);
        Future<Boolean> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean won = ImportJob.claim(held, "instance-a", now, now.plusSeconds(3600));
            firstClaimed.countDown();
            Thread.sleep(300);
            return won;
        }));
        Future<Boolean> second = threads.submit(() -> {
            firstClaimed.await(10, TimeUnit.SECONDS);
            return QuarkusTransaction.requiringNew().call(() -> ImportJob.claim(held, "instance-b", now, now.plusSeconds(3600)));
        });
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertFalse(second.get(10, TimeUnit.SECONDS));
        assertEquals("instance-a", row(held).claimedBy);
        assertEquals(ImportState.RUNNING, row(held).state);

        // Released at the same moment, several times over: one winner each time.
        for (int i = 0; i < 5; i++) {
            long id = job(ImportState.QUEUED, null, null, 0, "race-" + i);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (String name : List.of("instance-a", "instance-b")) {
                claims.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return QuarkusTransaction.requiringNew().call(() -> ImportJob.claim(id, name, now, now.plusSeconds(3600)));
                }));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "exactly one claim wins");
        }
    }

    /** Fails on the code before V13: the running job would be reset and imported a second time from line 1. */
    @Test
    void aJobWhoseLeaseRanOutIsTakenOverAfterItsLastCommittedLineAndOneStillLeasedIsNot() throws Exception {
        // The dead instance committed lines 1-4 (their articles and the counters, in the same transactions).
        for (int i = 1; i <= 4; i++) {
            data.article(projectId, "Report " + i, "Report " + i + " of abandoned: Zelensky spoke in Kyiv.");
        }
        long abandoned = job(ImportState.RUNNING, "dead-instance", Instant.now().minusSeconds(1), 4, "abandoned");
        long leased = job(ImportState.RUNNING, "live-instance", Instant.now().plusSeconds(3600), 0, "leased");
        runner.scan();
        JsonPath done = awaitEnd(abandoned);
        assertEquals("DONE", done.getString("state"), done.prettify());
        assertEquals(6, done.getInt("linesRead"));
        assertEquals(6, done.getInt("imported"));
        assertEquals(0, done.getInt("duplicates"), "lines 1-4 were not read again");
        assertTrue(done.getString("message").contains("after line 4"), done.getString("message"));
        assertEquals(instance.id(), row(abandoned).claimedBy);
        assertNull(row(abandoned).leaseUntil);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> ImportJob.hasFile(abandoned)), "its file went with it");
        assertEquals(6, articles(), "every article once");
        long distinct = QuarkusTransaction.requiringNew().call(() -> Article.find("project.id", projectId).stream()
                .map(a -> ((Article) a).sha256).distinct().count());
        assertEquals(6, distinct);
        // The worker took them in order: the leased one was looked at first and left alone.
        ImportJob still = row(leased);
        assertEquals(ImportState.RUNNING, still.state);
        assertEquals("live-instance", still.claimedBy);
        assertEquals(0, still.linesRead);
    }

    @Test
    void theHeartbeatMovesOnlyTheHoldersLease() {
        Instant soon = Instant.now().plusSeconds(5);
        long mine = job(ImportState.RUNNING, "instance-a", soon, 0, "mine");
        Instant later = soon.plusSeconds(60);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ImportJob.renew(mine, "instance-a", later)));
        assertEquals(later.toEpochMilli(), row(mine).leaseUntil.toEpochMilli());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> ImportJob.renew(mine, "instance-b", later.plusSeconds(60))),
                "another instance's job is not this one's to renew");
        assertEquals(later.toEpochMilli(), row(mine).leaseUntil.toEpochMilli());
    }

    /** Fails without the claim check in each batch: the run went on writing a job another instance had taken over. */
    @Test
    void aRunWhoseLeaseWasTakenStopsWritingAndTheTakeoverImportsEveryLineOnce() throws Exception {
        byte[] file = BackgroundImportTest.lines(20_000, "stolen").toString().getBytes(StandardCharsets.UTF_8);
        String location = accounts.as("claim-admin").contentType("application/x-ndjson").body(file)
                .post("/api/projects/" + projectId + "/articles/import").then().statusCode(202).extract().header("Location");
        long jobId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (row(jobId).linesRead == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // Another instance takes it over (as if this one's heartbeat had been late) while it runs.
        int stolenAt = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.locked(jobId);
            job.claimedBy = "thief";
            job.leaseUntil = Instant.now().plusSeconds(3600);
            return job.linesRead;
        });
        assertTrue(stolenAt > 0 && stolenAt < 20_000, "taken over while it ran, after line " + stolenAt);
        Thread.sleep(1_500);
        ImportJob stolen = row(jobId);
        assertEquals(ImportState.RUNNING, stolen.state);
        assertEquals("thief", stolen.claimedBy);
        assertEquals(stolenAt, stolen.linesRead, "no batch committed after the takeover");
        assertEquals(stolenAt, articles());

        // The thief dies in turn: this instance takes the job back and finishes it.
        QuarkusTransaction.requiringNew().run(() -> ImportJob.locked(jobId).leaseUntil = Instant.now().minusSeconds(1));
        runner.scan();
        JsonPath done = awaitEnd(jobId);
        assertEquals("DONE", done.getString("state"), done.prettify());
        assertEquals(20_000, done.getInt("imported"));
        assertEquals(0, done.getInt("duplicates"));
        assertEquals(20_000, articles(), "every line once");
    }

    @Test
    void aStopGivesThisInstancesJobsBackAndLeavesOthers() {
        Instant later = Instant.now().plusSeconds(3600);
        long mine = job(ImportState.RUNNING, instance.id(), later, 2, "mine-stop");
        long others = job(ImportState.RUNNING, "other-instance", later, 2, "others-stop");
        assertTrue(runner.release().contains(mine));
        ImportJob given = row(mine);
        assertEquals(ImportState.QUEUED, given.state);
        assertNull(given.claimedBy);
        assertNull(given.leaseUntil);
        assertEquals(2, given.linesRead, "the next holder goes on after line 2");
        assertEquals("other-instance", row(others).claimedBy);
        assertEquals(ImportState.RUNNING, row(others).state);
    }
}
