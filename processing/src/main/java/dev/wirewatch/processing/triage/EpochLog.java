package dev.wirewatch.processing.triage;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /**
     * Gives {@code each} every entry of the epoch starting at {@code epoch} ({@code epochMillis} long), as
     * {@code decode} reads it; an entry {@code decode} refuses is skipped and reported to {@code problems} as
     * {@code what}, with the time it was filed at: what a rebuild at start-up does.
     */
    default <T> void forEachReadable(long epoch, long epochMillis, Function<byte[], T> decode, Consumer<T> each,
                                     String what, Triage.Problems problems) {
        forEach(epoch, epoch, epoch + epochMillis - 1, (timestamp, bytes) -> {
            T entry;
            try {
                entry = decode.apply(bytes);
            } catch (IllegalArgumentException e) {
                problems.unreadable(what, "filed at " + Instant.ofEpochMilli(timestamp), e.getMessage());
                return;
            }
            each.accept(entry);
        });
    }

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
