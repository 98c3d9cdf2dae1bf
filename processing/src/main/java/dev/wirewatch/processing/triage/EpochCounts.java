package dev.wirewatch.processing.triage;

import org.apache.kafka.streams.state.WindowStore;

/**
 * A count per (key, epoch start): the layout of triage's frequency and fingerprint stores, where a window store's
 * segments drop whole epochs once older than the retention.
 *
 * <p>Implementations need not be thread safe.
 */
interface EpochCounts {

    /** The count filed for {@code key} at {@code epoch}, or null. */
    Long fetch(long key, long epoch);

    void put(long key, long count, long epoch);

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
