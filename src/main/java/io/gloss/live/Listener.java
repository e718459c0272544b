package io.gloss.live;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One open event stream: what it follows (a project, or one article of it), for whom, and how far
 * it has got. Changes reach it from the bus thread while its replay may still run on the request
 * thread, so both go through {@link #deliver}, which sends each cursor once and in order.
 */
final class Listener {

    interface Stream {
        /** Sends changes, in order, in one write; false when the client has gone. */
        boolean changes(List<Change> changes);

        /** Sends changes already written out as event text ({@link SseFrames}), shared by every stream that follows them all. */
        boolean frames(byte[] text);

        /** Waits until the client has read enough for the next write, at most {@code timeout}; false if it has not, or has gone. */
        boolean awaitWritable(Duration timeout);

        boolean presence(List<String> users);

        /** A comment line, so that proxies and browsers keep an idle stream open. */
        boolean keepAlive();

        /** Whether the client has gone (closed the page, lost the connection). */
        boolean gone();

        void close();
    }

    final long projectId;
    final Long articleId;
    final String username;
    final boolean seesAll;
    /** Which changes the user may see. */
    private final Visibility visibility;
    /** Whether the session or token that opened the stream would still be accepted. */
    final BooleanSupplier credentials;
    private final Stream stream;
    private long sent;
    /** Live changes that arrived while the replay ran, sent after it. */
    private List<Change> held = new ArrayList<>();
    private boolean open = true;

    Listener(long projectId, Long articleId, String username, boolean seesAll, Visibility visibility,
            BooleanSupplier credentials, long after, Stream stream) {
        this.projectId = projectId;
        this.articleId = articleId;
        this.username = username;
        this.seesAll = seesAll;
        this.visibility = visibility;
        this.credentials = credentials;
        this.sent = after;
        this.stream = stream;
    }

    /** Its article's changes, or the project's; of those, only what the user could GET. */
    boolean follows(Change change) {
        return (articleId == null || articleId.equals(change.articleId())) && visibility.allows(change);
    }

    /**
     * From the bus: committed changes of the project, in cursor order, and {@code text}: all of
     * them as event text, written out once for every stream that follows them all.
     */
    synchronized void live(List<Change> changes, Supplier<byte[]> text) {
        if (held != null) {
            held.addAll(changes);
        } else {
            send(changes, text);
        }
    }

    /** From the replay: changes the client missed, in cursor order. */
    synchronized void replayed(List<Change> changes) {
        send(changes, null);
    }

    /** The replay is over: what the bus brought meanwhile follows, without repeats. */
    synchronized void replayDone() {
        List<Change> waiting = held;
        held = null;
        send(waiting, null);
    }

    /** Not synchronized: the bus may write meanwhile, and does, which is what frees the queue. */
    boolean awaitWritable(Duration timeout) {
        return stream.awaitWritable(timeout);
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

    /** Whether the client has gone without the server writing to it yet. */
    boolean clientGone() {
        return stream.gone();
    }

    synchronized void close() {
        if (open) {
            open = false;
            stream.close();
        }
    }

    /** Each cursor once, and only what this stream follows. */
    private void send(List<Change> changes, Supplier<byte[]> text) {
        if (!open) {
            return;
        }
        List<Change> due = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (change.cursor() > sent) {
                sent = change.cursor();
                visibility.observe(change);
                if (follows(change)) {
                    due.add(change);
                }
            }
        }
        if (due.isEmpty()) {
            return;
        }
        boolean written = text != null && due.size() == changes.size() ? stream.frames(text.get()) : stream.changes(due);
        if (!written) {
            close();
        }
    }
}
