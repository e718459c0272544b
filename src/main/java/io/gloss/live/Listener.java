package io.gloss.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One open event stream: what it follows (a project, or one article of it), for whom, and how far
 * it has got. Changes reach it from the bus thread while its replay may still run on the request
 * thread, so both go through {@link #deliver}, which sends each cursor once and in order.
 */
final class Listener {

    interface Stream {
        /** Sends changes, in order, in one write; false when the client has gone. */
        boolean changes(List<Change> changes);

        boolean presence(List<String> users);

        /** A comment line, so that proxies and browsers keep an idle stream open. */
        boolean keepAlive();

        void close();
    }

    final long projectId;
    final Long articleId;
    final String username;
    final boolean seesAll;
    /** Whether the session or token that opened the stream would still be accepted. */
    final BooleanSupplier credentials;
    private final Stream stream;
    private long sent;
    /** Live changes that arrived while the replay ran, sent after it. */
    private List<Change> held = new ArrayList<>();
    private boolean open = true;

    Listener(long projectId, Long articleId, String username, boolean seesAll, BooleanSupplier credentials, long after,
            Stream stream) {
        this.projectId = projectId;
        this.articleId = articleId;
        this.username = username;
        this.seesAll = seesAll;
        this.credentials = credentials;
        this.sent = after;
        this.stream = stream;
    }

    boolean follows(Change change) {
        return articleId == null || articleId.equals(change.articleId());
    }

    /** From the bus: committed changes of the project, in cursor order. */
    synchronized void live(List<Change> changes) {
        if (held != null) {
            held.addAll(changes);
        } else {
            send(changes);
        }
    }

    /** From the replay: changes the client missed, in cursor order. */
    synchronized void replayed(List<Change> changes) {
        send(changes);
    }

    /** The replay is over: what the bus brought meanwhile follows, without repeats. */
    synchronized void replayDone() {
        List<Change> waiting = held;
        held = null;
        send(waiting);
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

    /** Each cursor once, and only what this stream follows. */
    private void send(List<Change> changes) {
        if (!open) {
            return;
        }
        List<Change> due = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (change.cursor() > sent) {
                sent = change.cursor();
                if (follows(change)) {
                    due.add(change);
                }
            }
        }
        if (!due.isEmpty() && !stream.changes(due)) {
            close();
        }
    }
}
