package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The access log as application.properties configures it (on unless GLOSS_ACCESS_LOG=false; off
 * in the other tests), read from its log category: one line a request, combined format (client,
 * user, time, request line, status, bytes, referer, agent) and the milliseconds it took.
 */
@QuarkusTest
@TestProfile(AccessLogTest.On.class)
class AccessLogTest {

    /** The default of application.properties, which the test profile turns off. */
    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.access-log.enabled", "${GLOSS_ACCESS_LOG:true}");
        }
    }

    /** Where Quarkus writes the access log when it is not sent to a file of its own. */
    static final String CATEGORY = "io.quarkus.http.access-log";

    @Test
    void aRequestIsOneLineInCombinedFormatWithItsMilliseconds() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CATEGORY);
        logger.addHandler(handler);
        try {
            String marker = UUID.randomUUID().toString();
            given().header("User-Agent", "access-log-test " + marker).get("/api/projects?probe=" + marker).then().statusCode(401);
            Pattern line = Pattern.compile("^\\S+ - - \\[[^\\]]+\\] \"GET /api/projects\\?probe=" + marker
                    + " HTTP/1\\.1\" 401 \\S+ \"-\" \"access-log-test " + marker + "\" \\d+ ms$");
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                if (lines.stream().anyMatch(l -> line.matcher(l).matches())) {
                    return;
                }
                Thread.sleep(50);
            }
            fail("no access log line for the request; lines: " + lines.stream().filter(l -> l.contains(marker)).toList());
        } finally {
            logger.removeHandler(handler);
        }
    }
}
