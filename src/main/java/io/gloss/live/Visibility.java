package io.gloss.live;

import java.util.Set;

/**
 * What one user may see of a project's changes, so that nobody gets an event about something
 * they could not GET: datasets are for admins and reviewers; an editor sees their own
 * assignments only; and in a blind project, another editor's spans on an article only once
 * their own assignment on it is DONE. The DONE articles are read when the stream opens and then
 * followed through the user's own assignment events, which come down the same stream in order.
 */
final class Visibility {

    private final String username;
    /** Admins and reviewers: every dataset, assignment and span. */
    private final boolean seesEverything;
    private final boolean blind;
    private final Set<Long> doneArticles;
    /** The cursor {@link #doneArticles} was read at: older assignment events are already in it. */
    private final long readAt;

    Visibility(String username, boolean seesEverything, boolean blind, Set<Long> doneArticles, long readAt) {
        this.username = username;
        this.seesEverything = seesEverything;
        this.blind = blind;
        this.doneArticles = doneArticles;
        this.readAt = readAt;
    }

    /** Called in cursor order for every change of the project, before {@link #allows}. */
    synchronized void observe(Change change) {
        if (!change.isAssignment() || change.cursor() <= readAt || !username.equals(change.owner())) {
            return;
        }
        if (!"deleted".equals(change.type()) && "DONE".equals(change.state())) {
            doneArticles.add(change.articleId());
        } else {
            doneArticles.remove(change.articleId());
        }
    }

    synchronized boolean allows(Change change) {
        if (seesEverything) {
            return true;
        }
        if (change.isDataset()) {
            return false;
        }
        if (change.isAssignment()) {
            return username.equals(change.owner());
        }
        return !blind || !change.isAnnotationWork() || username.equals(change.owner()) || doneArticles.contains(change.articleId());
    }
}
