package dev.wirewatch.alerts.delivery;

import dev.wirewatch.alerts.growth.StorySites;
import dev.wirewatch.model.DeliveryRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of one sink's alerted stories have grown past a follow-up threshold ({@code followUp.atSites}): each alert
 * the sink sent is watched, and when its story's site count reaches thresholds it had not reached when the alert (or
 * the last follow-up) went out, one follow-up is due, for the highest of them. Thresholds already followed up (the
 * ledger says so after a restart) are never due again.
 *
 * <p>Not thread safe; used by one sink worker. Only stories whose count changed since the last look are examined.
 */
final class FollowUps {

    /**
     * A follow-up to send: the first alert's record (so its {@link DeliveryRecord#key()} is the watch key), the
     * story's sites now, and the thresholds it settles.
     */
    record Due(DeliveryRecord first, int sites, List<Integer> thresholds) {
        int highest() {
            return thresholds.get(thresholds.size() - 1);
        }
    }

    private static final class Watched {
        final DeliveryRecord first;
        final Set<Integer> done = new HashSet<>();
        long checkedAt;
        /** Recorded while the site counts were still loading: its count then says nothing; take it when ready. */
        boolean baseline;

        Watched(DeliveryRecord first) {
            this.first = first;
        }
    }

    private final List<Integer> atSites;
    private final StorySites sites;
    private final Map<String, Watched> watched = new HashMap<>();
    private final Map<String, Watched> deferred = new HashMap<>();
    /** Follow-ups the ledger lists before the first alert they follow (compaction may reorder them). */
    private final Map<String, Set<Integer>> pendingDone = new HashMap<>();
    private long lastSequence = -1;

    FollowUps(List<Integer> atSites, StorySites sites) {
        this.atSites = List.copyOf(atSites);
        this.sites = sites;
    }

    boolean enabled() {
        return !atSites.isEmpty();
    }

    /** Watches a first alert, or marks a follow-up of one as done (both come from the ledger). */
    void recorded(DeliveryRecord record) {
        if (!enabled() || record.url() == null || record.source() == null) {
            return; // a record from before follow-ups existed cannot name its article
        }
        String key = DeliveryRecord.keyOf(record.sinkId(), record.topicId(), record.storyId());
        if (record.followsUp()) {
            Watched w = watched.get(key);
            if (w != null) {
                w.done.add(record.followUp());
            } else {
                pendingDone.computeIfAbsent(key, k -> new HashSet<>()).add(record.followUp());
            }
            return;
        }
        Watched w = new Watched(record);
        w.baseline = !sites.ready();
        for (int t : atSites) {
            if (t <= record.sites()) {
                w.done.add(t); // reached before the alert went out: nothing to announce
            }
        }
        Set<Integer> early = pendingDone.remove(key);
        if (early != null) {
            w.done.addAll(early);
        }
        w.checkedAt = -1; // look once: the story may have grown while the alert service was down
        watched.put(key, w);
        lastSequence = -1;
    }

    /** The follow-ups due now. */
    List<Due> due() {
        if (!enabled()) {
            return List.of();
        }
        if (!sites.ready()) {
            return List.of(); // the counts are still low: a follow-up now could announce what was true before
        }
        Map<String, Due> due = new java.util.LinkedHashMap<>(); // one per story, even when also deferred
        long sequence = sites.sequence();
        if (sequence != lastSequence) {
            for (Map.Entry<String, Watched> entry : watched.entrySet()) {
                Watched w = entry.getValue();
                long changed = sites.changedAt(w.first.storyId());
                if (w.baseline) {
                    int now = sites.sites(w.first.storyId());
                    atSites.stream().filter(t -> t <= now).forEach(w.done::add);
                    w.baseline = false;
                    w.checkedAt = changed;
                } else if (changed > w.checkedAt || w.checkedAt < 0) {
                    w.checkedAt = changed;
                    dueOf(w).ifPresent(d -> due.put(entry.getKey(), d));
                }
            }
            lastSequence = sequence;
        }
        for (Map.Entry<String, Watched> entry : deferred.entrySet()) {
            dueOf(entry.getValue()).ifPresent(d -> due.putIfAbsent(entry.getKey(), d));
        }
        deferred.clear();
        return List.copyOf(due.values());
    }

    /** Asks again at the next look (the sink holds it back now, e.g. in quiet hours). */
    void defer(Due due) {
        deferred.put(due.first().key(), watched.get(due.first().key()));
    }

    /** Marks the follow-up's thresholds done: sent, or given up on. */
    void done(Due due) {
        Watched w = watched.get(due.first().key());
        if (w != null) {
            w.done.addAll(due.thresholds());
        }
    }

    int watching() {
        return watched.size();
    }

    private java.util.Optional<Due> dueOf(Watched w) {
        if (w == null) {
            return java.util.Optional.empty();
        }
        int now = sites.sites(w.first.storyId());
        List<Integer> reached = atSites.stream().filter(t -> t <= now && !w.done.contains(t)).toList();
        return reached.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Due(w.first, now, reached));
    }
}
