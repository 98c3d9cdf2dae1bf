package dev.wirewatch.processing.triage;

import com.carrotsearch.hppc.LongHashSet;
import java.time.Duration;

/**
 * Whether a fingerprint was seen before, within about one window: it was seen in the current or the previous epoch
 * (epochs of half the window). A fingerprint found only in the previous epoch is marked in the current one too, so
 * what keeps coming (a site's chrome in every article it publishes) is never forgotten.
 *
 * <p>The marks live in memory (a primitive set per epoch, about 16 bytes a fingerprint); what makes them durable is
 * one {@link EpochLog} entry per article with the fingerprints it was the first in its epoch to have, from which a
 * task that starts rebuilds both epochs before its first article. A store entry per fingerprint, read once or
 * twice and often written for each of an article's ~35, was a quarter of the single writer's store time. An entry
 * the rebuild cannot read is skipped and reported (its fingerprints are new again).
 *
 * <p>Not thread safe: one triage owns it.
 */
final class EpochMarkers {

    private final EpochLog log;
    private final Triage.Problems problems;
    private final TwoEpochs<LongHashSet> epochs;

    /** Marks kept for about {@code window}, made durable in {@code log}; {@code problems} hears of bad entries. */
    EpochMarkers(EpochLog log, Duration window, Triage.Problems problems) {
        this.log = log;
        this.problems = problems;
        this.epochs = new TwoEpochs<>(WindowFrequencies.epochMillis(window), LongHashSet::new, this::read,
                LongHashSet::size, "edge fingerprints of two epochs");
    }

    /** For each of {@code keys} (distinct), whether it was seen before; marks them all as seen at {@code timestamp}. */
    boolean[] seenBefore(long[] keys, long timestamp) {
        epochs.roll(timestamp);
        LongHashSet current = epochs.current();
        boolean[] seen = new boolean[keys.length];
        long[] fresh = new long[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (current.contains(keys[i])) {
                seen[i] = true;
                continue;
            }
            seen[i] = epochs.previous().contains(keys[i]);
            current.add(keys[i]);
            fresh[n++] = keys[i];
        }
        if (n > 0) { // filed within its epoch's range whatever the caller's clock did, so the rebuild finds it
            long epoch = epochs.epochStart();
            log.append(epoch, FingerprintSets.encode(fresh, n), Math.max(timestamp, epoch));
        }
        return seen;
    }

    private LongHashSet read(long epoch) {
        LongHashSet marked = new LongHashSet();
        log.forEachReadable(epoch, epochs.epochMillis(), FingerprintSets::decode, marked::addAll, "fingerprint-set",
                problems);
        return marked;
    }
}
