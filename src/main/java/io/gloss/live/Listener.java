package io.gloss.live;

import java.util.ArrayList;
import java.util.List;

/**
 * One open event stream: what it follows (a project, or one article of it), for whom, and how far
 * it has got. Changes reach it from the bus thread while its replay may still run on the request
 * thread, so both go through {@link #deliver}, which sends each cursor once and in order.
 */
final class Listener {

    interface Stream {
        /** Sends a change; false when the client has gone. */
        boolean change(Change change);

        boolean presence(List<String> users);

        /** A comment line, so that proxies and browsers keep an idle stream open. */
        boolean keepAlive();

        void close();
    }

    final long projectId;
    final Long articleId;
    final String username;
    final boolean seesAll;
    /** Whether the user may GET the project's datasets (admins and reviewers): only then their events. */
    final boolean seesDatasets;
    private final Stream stream;
    private long sent;
    /** Live changes that arrived while the replay ran, sent after it. */
    private List<Change> held = new ArrayList<>();
    private boolean open = true;

    Listener(long projectId, Long articleId, String username, boolean seesAll, boolean seesDatasets, long after,
            Stream stream) {
        this.projectId = projectId;
        this.articleId = articleId;
        this.username = username;
        this.seesAll = seesAll;
        this.seesDatasets = seesDatasets;
        this.sent = after;
        this.stream = stream;
    }

    /** Its article's changes, or the project's; of those, only what the user could GET. */
    boolean follows(Change change) {
        return (articleId == null || articleId.equals(change.articleId())) && (seesDatasets || !change.isDataset());
    }

    /** From the bus: a committed change of the project. */
    synchronized void live(Change change) {
        if (held != null) {
            held.add(change);
        } else {
            send(change);
        }
    }

    /** From the replay: a change the client missed. */
    synchronized void replayed(Change change) {
        send(change);
    }

    /** The replay is over: what the bus brought meanwhile follows, without repeats. */
    synchronized void replayDone() {
        List<Change> waiting = held;
        held = null;
        waiting.forEach(this::send);
    }

    synchronized long sent() {
        return sent;
    }

    synchronized void presence(List<String> users) {
        if (open && !stream.presence(users)) {
            close();
        }
    }

    synchronized boolean keepAlive() {
        if (open && !stream.keepAlive()) {
            close();
        }
        return open;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized void close() {
        if (open) {
            open = false;
            stream.close();
        }
    }

    private void send(Change change) {
        if (!open || change.cursor() <= sent || !follows(change)) {
            return;
        }
        sent = change.cursor();
        if (!stream.change(change)) {
            close();
        }
    }
}
