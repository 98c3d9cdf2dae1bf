package dev.wirewatch.processing.triage;

import java.time.Duration;

/**
 * Whether a fingerprint was seen before, within about one retention: a presence marker filed at its epoch's start
 * (epochs of half the retention), found in the current or the previous epoch. Read and written through, never
 * cached: nearly every fingerprint is seen once and would only fill memory. A fingerprint already filed in this
 * epoch costs a read and no write (a site's chrome repeats in every article it publishes); one found only in the
 * previous epoch is filed again, so what keeps coming is never forgotten.
 *
 * <p>Not thread safe: one triage owns it.
 */
final class EpochMarkers {

    private final EpochCounts store;
    private final long epochMillis;
    private long epochStart = -1;

    EpochMarkers(EpochCounts store, Duration retention) {
        this.store = store;
        this.epochMillis = WindowFrequencies.epochMillis(retention);
    }

    /** For each of {@code keys} (distinct), whether it was seen before; files them all as seen at {@code timestamp}. */
    boolean[] seenBefore(long[] keys, long timestamp) {
        epochStart = Math.max(epochStart, WindowFrequencies.epochStart(timestamp, epochMillis));
        boolean[] seen = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (store.fetch(keys[i], epochStart) != null) {
                seen[i] = true;
                continue;
            }
            seen[i] = epochStart - epochMillis >= 0 && store.fetch(keys[i], epochStart - epochMillis) != null;
            store.put(keys[i], 1L, epochStart);
        }
        return seen;
    }
}
