package dev.wirewatch.processing.triage;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One entry per article filed under its epoch's start: what in-memory state rebuilds itself from when a task starts
 * — the terms each article counted for the document frequencies ({@link TermSets}, read by
 * {@link WindowFrequencies}), the fingerprints each article was the first in its epoch to have
 * ({@link FingerprintSets}, read by {@link EpochMarkers}). One write per article instead of one per term or
 * fingerprint, which were most of the single writer's store writes.
 *
 * <p>Implementations need not be thread safe.
 */
interface EpochLog {

    /** Files {@code entry} (an encoded set) under {@code epoch}, at {@code timestamp}. */
    void append(long epoch, byte[] entry, long timestamp);

    /** Gives {@code each} (timestamp, entry) of every entry under {@code epoch} filed in [{@code from}, {@code to}]. */
    void forEach(long epoch, long from, long to, BiConsumer<Long, byte[]> each);

    /** Keeps nothing: for state that lives as long as its object ({@code wirewatch dedup}, tests). */
    EpochLog NONE = new EpochLog() {
        @Override
        public void append(long epoch, byte[] entry, long timestamp) {
        }

        @Override
        public void forEach(long epoch, long from, long to, BiConsumer<Long, byte[]> each) {
        }
    };

    /**
     * Over a Streams window store that retains duplicates: every article is one more entry under its epoch's key
     * (the store's sequence number keeps them apart), and a whole epoch is one range read.
     */
    static EpochLog of(WindowStore<Long, byte[]> store) {
        return new EpochLog() {
            @Override
            public void append(long epoch, byte[] entry, long timestamp) {
                store.put(epoch, entry, timestamp);
            }

            @Override
            public void forEach(long epoch, long from, long to, BiConsumer<Long, byte[]> each) {
                try (WindowStoreIterator<byte[]> it = store.fetch(epoch, Math.max(0, from), to)) {
                    it.forEachRemaining(kv -> each.accept(kv.key, kv.value));
                }
            }
        };
    }
}
