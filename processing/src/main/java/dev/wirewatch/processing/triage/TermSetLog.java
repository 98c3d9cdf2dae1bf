package dev.wirewatch.processing.triage;

import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The terms of each article counted for the document frequencies, one entry per article filed under its epoch: what
 * {@link WindowFrequencies} rebuilds its in-memory counts from when a task starts. One write per article instead of
 * one per term, which was most of the single writer's store writes.
 *
 * <p>A term is the upper 32 bits of its 64-bit key (as in compact profiles); an entry is the article's distinct terms,
 * sorted, as variable-length gaps (about 3 bytes a term). Implementations need not be thread safe.
 */
interface TermSetLog {

    /** Files {@code terms} (from {@link #encode}) under {@code epoch}, at {@code timestamp}. */
    void append(long epoch, byte[] terms, long timestamp);

    /** Gives {@code each} every entry filed under {@code epoch} at timestamps in [{@code from}, {@code to}]. */
    void forEach(long epoch, long from, long to, Consumer<byte[]> each);

    /** Keeps nothing: for state that lives as long as its object ({@code wirewatch dedup}, tests). */
    TermSetLog NONE = new TermSetLog() {
        @Override
        public void append(long epoch, byte[] terms, long timestamp) {
        }

        @Override
        public void forEach(long epoch, long from, long to, Consumer<byte[]> each) {
        }
    };

    /** Over a Streams window store that retains duplicates (every article is one more entry under its epoch). */
    static TermSetLog of(WindowStore<Long, byte[]> store) {
        return new TermSetLog() {
            @Override
            public void append(long epoch, byte[] terms, long timestamp) {
                store.put(epoch, terms, timestamp);
            }

            @Override
            public void forEach(long epoch, long from, long to, Consumer<byte[]> each) {
                try (WindowStoreIterator<byte[]> it = store.fetch(epoch, Math.max(0, from), to)) {
                    it.forEachRemaining(kv -> each.accept(kv.value));
                }
            }
        };
    }

    /** The term of a 64-bit key: its upper half. */
    static int term(long key) {
        return (int) (key >>> 32);
    }

    /** The distinct terms of {@code keys}, sorted as unsigned numbers. */
    static int[] terms(long[] keys) {
        long[] upper = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            upper[i] = keys[i] >>> 32;
        }
        Arrays.sort(upper);
        int[] terms = new int[upper.length];
        int n = 0;
        for (int i = 0; i < upper.length; i++) {
            if (i == 0 || upper[i] != upper[i - 1]) {
                terms[n++] = (int) upper[i];
            }
        }
        return Arrays.copyOf(terms, n);
    }

    /** {@code terms} (distinct, sorted by {@link #terms}) as gaps of 7 bits a byte, the high bit saying "more". */
    static byte[] encode(int[] terms) {
        byte[] out = new byte[terms.length * 5];
        int at = 0;
        long before = 0;
        for (int term : terms) {
            long value = Integer.toUnsignedLong(term);
            long gap = value - before;
            before = value;
            while (gap >= 0x80) {
                out[at++] = (byte) (gap | 0x80);
                gap >>>= 7;
            }
            out[at++] = (byte) gap;
        }
        return Arrays.copyOf(out, at);
    }

    /** The terms {@link #encode} wrote; refuses bytes it cannot have written. */
    static int[] decode(byte[] bytes) {
        int[] terms = new int[bytes.length];
        int n = 0;
        long value = 0;
        int at = 0;
        while (at < bytes.length) {
            long gap = 0;
            int shift = 0;
            byte b;
            do {
                if (at == bytes.length || shift > 28) {
                    throw new IllegalArgumentException("a term set cut or overlong at byte " + at);
                }
                b = bytes[at++];
                gap |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            value += gap;
            if (value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("a term set beyond 32 bits at byte " + at);
            }
            terms[n++] = (int) value;
        }
        return Arrays.copyOf(terms, n);
    }
}
