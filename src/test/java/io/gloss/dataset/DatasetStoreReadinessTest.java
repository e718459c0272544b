package io.gloss.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreReadinessTest {

    @TempDir
    Path temp;

    static HealthCheckResponse check(Path dir, long minFree) {
        DatasetStoreReadiness check = new DatasetStoreReadiness();
        check.minFreeDisk = minFree;
        return check.check(dir);
    }

    @Test
    void upWhenTheFolderTakesAFileAndTheDiskHasRoom() throws IOException {
        HealthCheckResponse response = check(temp.resolve("datasets"), 1);
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(Files.isDirectory(temp.resolve("datasets")), "made if missing");
        try (var left = Files.list(temp.resolve("datasets"))) {
            assertEquals(0, left.count(), "the probe file is gone");
        }
    }

    @Test
    void downWhenTheDiskIsShortOfTheMinimum() {
        HealthCheckResponse response = check(temp, Long.MAX_VALUE);
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("problem").toString().contains("free disk"));
    }

    @Test
    void downWhenTheFolderCannotBeWritten() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        HealthCheckResponse response = check(file, 1);
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("problem").toString().contains("cannot write"));
    }
}
