package io.gloss.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Measures a 100,000-line import (bench/import.sh), too slow for the suite (about 70 s on H2 on
 * 2 cores); the suite's BackgroundImportTest imports 5,000 lines in ten batches. Not a *Test, so
 * Surefire runs it only when named.
 */
@QuarkusTest
class ImportBench {
    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Test
    void importsAHundredThousandLines() throws Exception {
        accounts.ensure("bench-admin", "admin");
        long projectId = data.project();
        byte[] body = BackgroundImportTest.lines(100_000, "hundred").toString().getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Response accepted = accounts.as("bench-admin").contentType("application/x-ndjson").body(body)
                .post("/api/projects/" + projectId + "/articles/import");
        assertEquals(202, accepted.statusCode());
        JsonPath job;
        do {
            Thread.sleep(500);
            job = accounts.as("bench-admin").get(accepted.header("Location")).then().extract().jsonPath();
        } while (!job.getString("state").equals("DONE") && !job.getString("state").equals("FAILED"));
        double server = java.time.Duration.between(Instant.parse(job.getString("startedAt")),
                Instant.parse(job.getString("finishedAt"))).toMillis() / 1000.0;
        System.out.printf("IMPORT-BENCH 100000 lines, %d bytes: %.1f s in the job, %.1f s from the upload%n", body.length,
                server, (System.nanoTime() - t0) / 1e9);
        assertEquals(100_000, job.getInt("imported"));
    }
}
