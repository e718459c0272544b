package io.gloss.live;

import java.util.List;

/** This instance's streams on an article now belong to these people (none: nobody is left). */
record PresenceAnnounced(long projectId, long articleId, List<String> users) {
}
