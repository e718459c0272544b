package io.gloss.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that request bodies being read ahead may hold ({@link BodyBuffering}): in all, and
 * per client address. Bodies are read before authentication, so anyone can claim a share; the
 * share per address keeps one client (or one attacker) from taking the whole budget, the total
 * bounds the heap whatever the number of clients. Thread-safe: event loops reserve and release
 * at once.
 */
final class BodyBudget {

    private final long total;
    private final long perClient;
    private final AtomicLong held = new AtomicLong();
    private final ConcurrentHashMap<String, Long> byClient = new ConcurrentHashMap<>();

    BodyBudget(long total, long perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /** Takes {@code bytes} for {@code client} when both its share and the total allow; false takes nothing. */
    boolean reserve(String client, long bytes) {
        boolean[] granted = {false};
        byClient.compute(client, (c, mine) -> {
            long now = mine == null ? 0 : mine;
            if (now + bytes > perClient) {
                return mine;
            }
            if (held.addAndGet(bytes) > total) {
                held.addAndGet(-bytes);
                return mine;
            }
            granted[0] = true;
            return now + bytes;
        });
        return granted[0];
    }

    /** Gives back what {@link #reserve} took; an address holding nothing is forgotten. */
    void release(String client, long bytes) {
        byClient.computeIfPresent(client, (c, mine) -> mine - bytes == 0 ? null : mine - bytes);
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }

    long heldBy(String client) {
        return byClient.getOrDefault(client, 0L);
    }

    long total() {
        return total;
    }

    long perClient() {
        return perClient;
    }
}
