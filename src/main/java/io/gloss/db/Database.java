package io.gloss.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which database this build talks to: H2 (embedded, one instance) or PostgreSQL (production, one or many). */
@ApplicationScoped
public class Database {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String kind;

    public boolean isH2() {
        return "h2".equals(kind);
    }

    public boolean isPostgres() {
        return "postgresql".equals(kind);
    }
}
