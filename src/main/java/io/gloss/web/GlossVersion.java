package io.gloss.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The version of Gloss that is running (the build's version, which Quarkus puts in
 * {@code quarkus.application.version}), written into the files Gloss makes — dataset manifests,
 * backups — so that a reader knows which Gloss made them.
 */
@ApplicationScoped
public class GlossVersion {

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    public String version() {
        return version;
    }
}
