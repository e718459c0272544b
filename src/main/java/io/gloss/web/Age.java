package io.gloss.web;

import java.time.Duration;
import java.time.Instant;

/** Ages as people say them; outside {@link TemplateExtensions} so that tests can fix "now". */
public final class Age {

    private Age() {
    }

    /** "just now", "5 min ago", "3 h ago", "2 d ago", "4 months ago". */
    public static String since(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        // A clock a little behind the database's is still "just now", not "in the future".
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        if (seconds < 60 * 86_400) {
            return seconds / 86_400 + " d ago";
        }
        return seconds / (30 * 86_400) + " months ago";
    }
}
