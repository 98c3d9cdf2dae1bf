package dev.wirewatch.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Batches one sink's mentions the way Alertmanager groups alerts: mentions of one topic (or of all topics, for a
 * digest) wait together; a group is due {@code groupWait} after its first pending mention and at least
 * {@code groupInterval} after its previous message. Mentions held back by quiet hours or a scheduled digest wait
 * together, every topic in one group per release time, and are due exactly then. Batches are cut at the sink's
 * message size.
 *
 * <p>Not thread safe; used by one sink worker. Time is passed in, so windows test without sleeping.
 */
final class Grouper {

    private static final String ALL_TOPICS = "*";

    private final Duration groupWait;
    private final Duration groupInterval;
    private final boolean digest;
    private final int maxBatch;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final java.util.Set<String> waiting = new java.util.HashSet<>(); // mention keys of every pending

    Grouper(Duration groupWait, Duration groupInterval, boolean digest, int maxBatch) {
        this.groupWait = groupWait;
        this.groupInterval = groupInterval;
        this.digest = digest;
        this.maxBatch = maxBatch;
    }

    private static final class Group {
        final Instant openedAt;
        final Instant releaseAt;
        final List<Pending> pending = new ArrayList<>();

        Group(Instant openedAt, Instant releaseAt) {
            this.openedAt = openedAt;
            this.releaseAt = releaseAt;
        }
    }

    void add(Pending p, Instant now) {
        waiting.add(p.mention().key());
        if (p.releaseAt() != null) {
            groups.computeIfAbsent("held@" + p.releaseAt(), k -> new Group(now, p.releaseAt())).pending.add(p);
            return;
        }
        groups.computeIfAbsent(digest ? ALL_TOPICS : p.alert().topic(), k -> new Group(now, null)).pending.add(p);
    }

    /** The batches due at {@code now}; with {@code flushAll}, every pending mention regardless of windows. */
    List<List<Pending>> due(Instant now, boolean flushAll) {
        List<List<Pending>> batches = new ArrayList<>();
        var it = groups.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (flushAll || !dueAt(entry.getKey(), entry.getValue()).isAfter(now)) {
                List<Pending> all = entry.getValue().pending;
                all.forEach(p -> waiting.remove(p.mention().key()));
                for (int i = 0; i < all.size(); i += maxBatch) {
                    batches.add(List.copyOf(all.subList(i, Math.min(all.size(), i + maxBatch))));
                }
                if (entry.getValue().releaseAt == null) {
                    lastSent.put(entry.getKey(), now);
                }
                it.remove();
            }
        }
        return batches;
    }

    /** When the next group falls due, or null when nothing is pending. */
    Instant nextDue() {
        Instant next = null;
        for (var entry : groups.entrySet()) {
            Instant at = dueAt(entry.getKey(), entry.getValue());
            next = next == null || at.isBefore(next) ? at : next;
        }
        return next;
    }

    /** True when a mention of this (topic, story) is already waiting. */
    boolean holds(String mentionKey) {
        return waiting.contains(mentionKey);
    }

    int size() {
        return groups.values().stream().mapToInt(g -> g.pending.size()).sum();
    }

    /** Forgets pending mentions (their partitions were taken by another instance, which will read them again). */
    void drop(Predicate<Pending> which) {
        groups.values().forEach(g -> g.pending.stream().filter(which).forEach(p -> waiting.remove(p.mention().key())));
        groups.values().forEach(g -> g.pending.removeIf(which));
        groups.values().removeIf(g -> g.pending.isEmpty());
    }

    private Instant dueAt(String key, Group group) {
        if (group.releaseAt != null) {
            return group.releaseAt;
        }
        Instant afterWait = group.openedAt.plus(groupWait);
        Instant previous = lastSent.get(key);
        Instant afterInterval = previous == null ? afterWait : previous.plus(groupInterval);
        return afterWait.isAfter(afterInterval) ? afterWait : afterInterval;
    }
}
