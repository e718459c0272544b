package io.gloss.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * This process among the instances that share one database: it marks what the instance holds
 * (its notifications, the dataset builds and background imports it has claimed) so the others can
 * tell it from their own.
 * A new one per start, so a restarted instance never mistakes a dead predecessor's claim for its own.
 */
@ApplicationScoped
public class InstanceIdentity {

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    /** Eight hexadecimal characters, short enough for a notification payload and a log line. */
    public String id() {
        return id;
    }
}
