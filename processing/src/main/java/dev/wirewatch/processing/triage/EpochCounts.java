package dev.wirewatch.processing.triage;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.WindowStore;

/**
 * A count per (key, epoch start): the layout of triage's fingerprint store, where a window store's segments drop
 * whole epochs once older than the retention.
 *
 * <p>Implementations need not be thread safe.
 */
interface EpochCounts {

    /** The count filed for {@code key} at {@code epoch}, or null. */
    Long fetch(long key, long epoch);

    void put(long key, long count, long epoch);

    /** Counts kept in memory for the life of the object (nothing is forgotten). */
    static EpochCounts inMemory() {
        return new EpochCounts() {
            private final Map<Long, Map<Long, Long>> byEpoch = new HashMap<>();

            @Override
            public Long fetch(long key, long epoch) {
                return byEpoch.getOrDefault(epoch, Map.of()).get(key);
            }

            @Override
            public void put(long key, long count, long epoch) {
                byEpoch.computeIfAbsent(epoch, e -> new HashMap<>()).put(key, count);
            }
        };
    }

    /** Over a Streams window store. */
    static EpochCounts of(WindowStore<Long, Long> store) {
        return new EpochCounts() {
            @Override
            public Long fetch(long key, long epoch) {
                return store.fetch(key, epoch);
            }

            @Override
            public void put(long key, long count, long epoch) {
                store.put(key, count, epoch);
            }
        };
    }
}
