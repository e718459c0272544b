package io.gloss.live;

import io.gloss.audit.AuditEvent;
import io.gloss.audit.AuditService;
import io.gloss.auth.CredentialsEnded;
import io.gloss.project.ProjectMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries committed changes to the open streams of this instance. A signal ("project P has new
 * changes", from this instance's commits or another's) makes one thread read the project's log
 * after the last cursor it has seen, once for all of the project's listeners, and hand each
 * change to the listeners that follow it. Signals that arrive while a read runs coalesce into
 * the next read, so a burst of commits costs a few queries, not one per commit and listener.
 */
@ApplicationScoped
public class ChangeBus {

    private static final Logger LOG = Logger.getLogger(ChangeBus.class);

    /** The listeners of one project and how far the bus has read its log. */
    private static final class Channel {
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final AtomicBoolean dirty = new AtomicBoolean();
        volatile long seen;

        Channel(long seen) {
            this.seen = seen;
        }
    }

    @Inject
    LiveConfig config;

    @Inject
    AuditService audit;

    @Inject
    Event<PresenceAnnounced> announcements;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Duration shutdownDelay;

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private ScheduledExecutorService worker;
    /** Replays run here, a few at a time, rather than on the request threads. */
    private ExecutorService replays;
    private RemotePresence remote;
    /** Set when a stop has ended the streams: one opened after is ended at once. */
    private volatile boolean streamsEnded;

    void start(@Observes StartupEvent event) {
        // Other instances repeat their word at every keep-alive: three missed ones mean it has gone.
        remote = new RemotePresence(config.keepAlive().multipliedBy(3), Clock.systemUTC());
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gloss-changes");
            t.setDaemon(true);
            return t;
        });
        replays = Executors.newFixedThreadPool(config.replayThreads(), r -> {
            Thread t = new Thread(r, "gloss-replay");
            t.setDaemon(true);
            return t;
        });
        long every = config.keepAlive().toMillis();
        worker.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        long sweep = config.goneCheck().toMillis();
        worker.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * A stop begins (SIGTERM): Quarkus waits for the requests under way (quarkus.shutdown.timeout),
     * and a stream never ends by itself, so one open page would hold every stop for the whole
     * timeout. The streams go on through the shutdown delay, while a proxy learns from
     * /q/health/ready that this instance is leaving, then end, and so does any opened after: the
     * pages reconnect with their cursor, to another instance or after the start, missing nothing.
     */
    void stopBegins(@Observes ShutdownDelayInitiatedEvent event) {
        worker.schedule(this::endStreams, shutdownDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void endStreams() {
        streamsEnded = true;
        channels.values().forEach(c -> c.listeners.forEach(Listener::close));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        replays.shutdownNow();
        channels.values().forEach(c -> c.listeners.forEach(Listener::close));
    }

    /** The project has changes after what the bus has read (or may have): read and hand them on. */
    public void signal(long projectId) {
        Channel channel = channels.get(projectId);
        if (channel != null && channel.dirty.compareAndSet(false, true)) {
            worker.execute(() -> drain(projectId, channel));
        }
    }

    /** Every project again: after the link to other instances was down, nothing may be missed. */
    void signalAll() {
        channels.keySet().forEach(this::signal);
    }

    /**
     * Opens a stream from {@code after}: the changes since then are sent first (a client that
     * reconnects misses nothing), then every new one as it commits. Runs on the request's thread.
     */
    void listen(Listener listener) {
        channels.compute(listener.projectId, (id, existing) -> {
            Channel c = existing != null ? existing : new Channel(audit.latestCursor(id));
            c.listeners.add(listener);
            return c;
        });
        if (streamsEnded) { // after the listener is in: endStreams() ends it, or this sees the flag
            listener.close();
            return;
        }
        replays.execute(() -> replay(listener));
    }

    /**
     * The changes a stream missed, batch by batch, each written once the client has read the last
     * (a slow reader catches up instead of being cut and coming back further behind); off the
     * request threads, which the writes of the desk need. A client that reads nothing for a
     * keep-alive's time is let go.
     */
    private void replay(Listener listener) {
        try {
            long cursor = listener.sent();
            while (listener.isOpen()) {
                if (!listener.awaitWritable(config.keepAlive())) {
                    leave(listener);
                    return;
                }
                List<Change> missed = read(listener.projectId, listener.articleId, cursor);
                listener.replayed(missed);
                if (missed.size() < config.batch()) {
                    break;
                }
                cursor = missed.get(missed.size() - 1).cursor();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not replay the changes of project %d; the client reconnects from its cursor", listener.projectId);
            leave(listener);
            return;
        }
        listener.replayDone();
        if (listener.articleId != null) {
            localPresenceChanged(listener.projectId, listener.articleId);
        }
    }

    /** The client went away. */
    void leave(Listener listener) {
        listener.close();
        channels.computeIfPresent(listener.projectId, (id, c) -> {
            c.listeners.remove(listener);
            return c.listeners.isEmpty() ? null : c;
        });
        if (listener.articleId != null) {
            localPresenceChanged(listener.projectId, listener.articleId);
        }
    }

    /** Who is on the article now, by the streams of every instance. */
    List<String> presence(long projectId, long articleId) {
        Set<String> users = new TreeSet<>(remote.users(articleId));
        users.addAll(localPresence(projectId, articleId));
        return List.copyOf(users);
    }

    /** Another instance's word on who its streams have on an article. */
    void remotePresence(String instance, long projectId, long articleId, List<String> users) {
        if (remote.announce(instance, projectId, articleId, users)) {
            sendPresence(projectId, articleId);
        }
    }

    /** Repeats this instance's word on every article it has streams on: for an instance that has just started. */
    void announcePresence() {
        channels.forEach((projectId, channel) -> channel.listeners.stream().map(l -> l.articleId)
                .filter(Objects::nonNull).distinct()
                .forEach(articleId -> announcements.fire(
                        new PresenceAnnounced(projectId, articleId, localPresence(projectId, articleId)))));
    }

    private List<String> localPresence(long projectId, long articleId) {
        Channel channel = channels.get(projectId);
        Set<String> users = new TreeSet<>();
        if (channel != null) {
            channel.listeners.stream().filter(l -> l.isOpen() && Long.valueOf(articleId).equals(l.articleId))
                    .forEach(l -> users.add(l.username));
        }
        return List.copyOf(users);
    }

    private void localPresenceChanged(long projectId, long articleId) {
        announcements.fire(new PresenceAnnounced(projectId, articleId, localPresence(projectId, articleId)));
        sendPresence(projectId, articleId);
    }

    private void sendPresence(long projectId, long articleId) {
        Channel channel = channels.get(projectId);
        if (channel == null) {
            return;
        }
        List<String> users = presence(projectId, articleId);
        channel.listeners.stream().filter(l -> Long.valueOf(articleId).equals(l.articleId)).forEach(l -> l.presence(users));
    }

    private void drain(long projectId, Channel channel) {
        try {
            channel.dirty.set(false);
            List<Change> changes;
            do {
                changes = read(projectId, null, channel.seen);
                if (!changes.isEmpty()) {
                    // All that one read found goes to each stream at once: one write per stream and
                    // drain, not one per change, so a burst of commits costs a busy desk little.
                    // Written out as event text once, the first time a stream that follows them all needs it.
                    List<Change> batch = changes;
                    byte[][] text = new byte[1][];
                    Supplier<byte[]> once = () -> text[0] != null ? text[0] : (text[0] = SseFrames.of(batch));
                    channel.listeners.forEach(l -> l.live(batch, once));
                    channel.seen = changes.get(changes.size() - 1).cursor();
                }
            } while (changes.size() == config.batch());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read the changes of project %d; the next signal tries again", projectId);
        }
    }

    private List<Change> read(long projectId, Long articleId, long after) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.changesAfter(projectId, articleId, after,
                config.batch()).stream().map(Change::of).toList());
    }

    /**
     * Lets go of the streams whose clients have gone, so that the others see them leave the
     * article within a second or so rather than at the next keep-alive, when writing would fail.
     */
    private void sweep() {
        try {
            channels.values().forEach(channel -> channel.listeners.stream().filter(Listener::clientGone).toList()
                    .forEach(this::leave));
        } catch (RuntimeException e) {
            LOG.warn("Could not look for closed event streams", e);
        }
    }

    /** Someone's sessions or tokens ended: their streams that no longer have a valid one close now, not at the next keep-alive. */
    void credentialsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsEnded ended) {
        worker.execute(() -> channels.values().forEach(channel -> channel.listeners.stream()
                .filter(l -> l.username.equals(ended.username()) && !l.credentials.getAsBoolean()).toList()
                .forEach(this::leave)));
    }

    /**
     * Every stream gets its comment line, and loses its listener if the person is no longer a
     * member of the project (nobody receives what they could not GET), if what opened the stream
     * has ended (logout, a revoked token, an idle session), or if the client has gone away. Then
     * this instance repeats who is where, and forgets what other instances stopped repeating.
     */
    private void keepAlive() {
        try {
            for (Map.Entry<Long, Channel> entry : channels.entrySet()) {
                long projectId = entry.getKey();
                Set<String> members = QuarkusTransaction.requiringNew()
                        .call(() -> Set.copyOf(ProjectMember.usernamesOf(projectId)));
                List<Listener> gone = new ArrayList<>();
                for (Listener listener : entry.getValue().listeners) {
                    if (!listener.seesAll && !members.contains(listener.username)
                            || !listener.credentials.getAsBoolean() || !listener.keepAlive()) {
                        gone.add(listener);
                    }
                }
                gone.forEach(this::leave);
            }
            announcePresence();
            remote.expire(this::sendPresence);
        } catch (RuntimeException e) {
            LOG.warn("Could not look at the open event streams", e);
        }
    }
}
