package io.gloss.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Who is on which article by the streams of the other instances, as they announce it. An
 * instance repeats its announcements at every keep-alive, so the entries of one that died without
 * a word expire after a few keep-alives instead of showing its people forever.
 */
final class RemotePresence {

    /** One instance's word about one article. */
    private record Entry(long projectId, List<String> users, Instant until) {
    }

    private final Map<Long, Map<String, Entry>> byArticle = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    RemotePresence(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** An instance's announcement; true when it changes who is on the article. */
    boolean announce(String instance, long projectId, long articleId, List<String> users) {
        Map<String, Entry> entries = byArticle.computeIfAbsent(articleId, id -> new ConcurrentHashMap<>());
        Entry before = users.isEmpty() ? entries.remove(instance)
                : entries.put(instance, new Entry(projectId, List.copyOf(users), clock.instant().plus(lifetime)));
        if (entries.isEmpty()) {
            byArticle.remove(articleId, entries);
        }
        return !(before == null ? List.of() : before.users()).equals(users);
    }

    /** Who the other instances have on the article. */
    Set<String> users(long articleId) {
        Set<String> users = new TreeSet<>();
        Instant now = clock.instant();
        byArticle.getOrDefault(articleId, Map.of()).values().stream().filter(e -> e.until().isAfter(now))
                .forEach(e -> users.addAll(e.users()));
        return users;
    }

    /** Drops what has not been repeated in time and tells {@code changed} (project, article) about each article it changes. */
    void expire(BiConsumer<Long, Long> changed) {
        Instant now = clock.instant();
        byArticle.forEach((articleId, entries) -> {
            entries.values().stream().filter(e -> !e.until().isAfter(now)).findAny().ifPresent(stale -> {
                entries.values().removeIf(e -> !e.until().isAfter(now));
                changed.accept(stale.projectId(), articleId);
            });
        });
        byArticle.values().removeIf(Map::isEmpty);
    }
}
