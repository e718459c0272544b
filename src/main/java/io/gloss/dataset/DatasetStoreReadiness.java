package io.gloss.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} holds this instance back while builds could not write their files: the
 * datasets folder ({@code gloss.datasets.dir}) must take a file, and its disk keep at least
 * {@code gloss.health.min-free-disk} bytes free (H2's file and the search index usually share it).
 * A proxy then sends requests to an instance that can serve them.
 */
@Readiness
@ApplicationScoped
public class DatasetStoreReadiness implements HealthCheck {

    @Inject
    DatasetConfig config;

    @ConfigProperty(name = "gloss.health.min-free-disk")
    long minFreeDisk;

    @Override
    public HealthCheckResponse call() {
        return check(config.dir());
    }

    HealthCheckResponse check(Path dir) {
        var response = HealthCheckResponse.named("dataset store").withData("dir", dir.toAbsolutePath().toString());
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".ready-", ".tmp"));
            long free = Files.getFileStore(dir).getUsableSpace();
            response.withData("freeBytes", free).withData("minFreeBytes", minFreeDisk);
            if (free < minFreeDisk) {
                return response.withData("problem", "less free disk than gloss.health.min-free-disk").down().build();
            }
            return response.up().build();
        } catch (IOException | SecurityException e) {
            return response.withData("problem", "cannot write a file there: " + e.getMessage()).down().build();
        }
    }
}
