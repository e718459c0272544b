package io.gloss.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the app serves passes Redocly's linter (frontend/'s devDependency, rules in
 * redocly.yaml): a client generator gets a sound document. The document and the linter's report
 * are kept under target/openapi/ for a person to read. Like the other frontend tooling, this is
 * skipped with -DskipFrontendTests only; without the tooling installed it fails, never passes silently.
 */
@QuarkusTest
class ApiDocumentLintTest {

    static final Path REDOCLY = Path.of("frontend", "node_modules", ".bin", "redocly");
    static final Path CONFIG = Path.of("redocly.yaml");
    static final Path OUT = Path.of("target", "openapi");

    @Test
    void theDocumentPassesTheLinter() throws IOException, InterruptedException {
        assumeFalse(Boolean.getBoolean("skipFrontendTests"), "-DskipFrontendTests");
        assertTrue(Files.isExecutable(REDOCLY), REDOCLY.toAbsolutePath() + " is missing: run `npm ci` in frontend/ "
                + "(the Maven build does), or skip the frontend tooling with -DskipFrontendTests");
        Files.createDirectories(OUT);
        Path document = OUT.resolve("openapi.yaml");
        Files.writeString(document, given().get("/q/openapi").then().statusCode(200).extract().asString());
        Path report = OUT.resolve("lint.txt");
        ProcessBuilder builder = new ProcessBuilder(REDOCLY.toString(), "lint", "--config", CONFIG.toString(),
                document.toString()).redirectErrorStream(true).redirectOutput(report.toFile());
        // A build reports nothing home (as redocly.yaml says) and never asks whether a newer linter is out.
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = builder.start();
        if (!lint.waitFor(3, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("redocly lint did not finish within 3 minutes");
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);
        assertEquals(0, lint.exitValue(), "redocly lint found errors in /q/openapi:\n" + output);
    }
}
