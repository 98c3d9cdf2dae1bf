package dev.wirewatch.processing.triage;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The terms of each article counted for the document frequencies ({@link TermSets}), one entry per article filed
 * under its epoch: what {@link WindowFrequencies} rebuilds its in-memory counts from when a task starts. One write
 * per article instead of one per term, which was most of the single writer's store writes.
 *
 * <p>Implementations need not be thread safe.
 */
interface TermSetLog {

    /** Files {@code terms} (from {@link TermSets#encode}) under {@code epoch}, at {@code timestamp}. */
    void append(long epoch, byte[] terms, long timestamp);

    /** Gives {@code each} (timestamp, terms) of every entry under {@code epoch} filed in [{@code from}, {@code to}]. */
    void forEach(long epoch, long from, long to, BiConsumer<Long, byte[]> each);

    /** Keeps nothing: for state that lives as long as its object ({@code wirewatch dedup}, tests). */
    TermSetLog NONE = new TermSetLog() {
        @Override
        public void append(long epoch, byte[] terms, long timestamp) {
        }

        @Override
        public void forEach(long epoch, long from, long to, BiConsumer<Long, byte[]> each) {
        }
    };

    /**
     * Over a Streams window store that retains duplicates: every article is one more entry under its epoch's key
     * (the store's sequence number keeps them apart), and a whole epoch is one range read.
     */
    static TermSetLog of(WindowStore<Long, byte[]> store) {
        return new TermSetLog() {
            @Override
            public void append(long epoch, byte[] terms, long timestamp) {
                store.put(epoch, terms, timestamp);
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
