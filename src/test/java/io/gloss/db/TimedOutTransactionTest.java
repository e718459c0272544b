package io.gloss.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A transaction that times out leaves the server healthy. On the embedded H2 file database the
 * transaction manager's rollback of a timed-out transaction used to close the database for good
 * (every later request 500 until a restart). Transactions here time out after 3 s, so that the
 * import's batches are seen to stay well within the limit.
 */
@QuarkusTest
@TestProfile(TimedOutTransactionTest.FileDatabase.class)
@TestSecurity(user = "timeout-admin", roles = "admin")
class TimedOutTransactionTest {

    /** H2 in a file, as Gloss runs (an in-memory database has no file to lose), and a short transaction limit. */
    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of("quarkus.transaction-manager.default-transaction-timeout", "3s"));
            if (!"postgresql".equals(System.getProperty("quarkus.datasource.db-kind"))) {
                config.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:./target/test-data/timeout/gloss;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
            }
            return config;
        }
    }

    @Inject
    TestData data;

    @Test
    void requestsAfterATimedOutTransactionAnswer200() {
        long projectId = data.project();
        for (int i = 0; i < 3; i++) {
            given().post("/test/slow-transaction/" + projectId).then().log().ifValidationFails();
            given().get("/api/projects/" + projectId + "/articles").then().statusCode(200).body("items", hasSize(0));
        }
        data.article(projectId, "After", "Written after the timeout.");
        given().get("/api/projects/" + projectId + "/articles").then().statusCode(200).body("items", hasSize(1));
    }

    /**
     * Just under the background threshold, within the request: one transaction for the file
     * outlived the limit (500, nothing imported); batches of 500 each stay far within it.
     */
    @Test
    void anImportLongerThanTheTransactionLimitCommitsBatchByBatch() {
        long projectId = data.project();
        String file = io.gloss.article.BackgroundImportTest.lines(1_990, "limit").toString();
        given().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/articles/import").then().statusCode(200)
                .body("imported", equalTo(1_990)).body("errors", hasSize(0));
    }
}
