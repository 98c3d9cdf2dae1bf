package dev.wirewatch.processing.triage;

import com.carrotsearch.hppc.IntIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encoding of a closed epoch's document frequencies: what {@link WindowFrequencies} keeps of an epoch once the
 * next has begun, in place of one term set per article. Chunks of at most {@value #TERMS_PER_CHUNK} terms (so that
 * an entry stays far below a Kafka record's 1 MB limit in the changelog): a version byte, the epoch's article count
 * (in the first chunk; 0 in the others), then for each term, sorted as unsigned numbers, its gap to the one before
 * and its count, each a {@link Varints} number.
 *
 * <p>Stateless and thread safe.
 */
final class EpochCounts {

    private static final byte VERSION = 1;
    static final int TERMS_PER_CHUNK = 50_000;

    /** One chunk read back: articles it counts, and its terms with their counts. */
    record Chunk(long documents, int[] terms, int[] counts) {
    }

    private EpochCounts() {
    }

    /** The chunks of an epoch with {@code documents} articles and these term counts; none for an empty epoch. */
    static List<byte[]> encode(IntIntHashMap counts, long documents) {
        long[] terms = new long[counts.size()];
        int n = 0;
        for (var c : counts) {
            terms[n++] = Integer.toUnsignedLong(c.key);
        }
        Arrays.sort(terms);
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < n || (from == 0 && documents > 0); from += TERMS_PER_CHUNK) {
            int to = Math.min(n, from + TERMS_PER_CHUNK);
            byte[] out = new byte[1 + Varints.MAX_BYTES * (1 + 2 * (to - from))];
            out[0] = VERSION;
            int at = Varints.write(out, 1, from == 0 ? documents : 0);
            long before = 0;
            for (int i = from; i < to; i++) {
                at = Varints.write(out, at, terms[i] - before);
                at = Varints.write(out, at, counts.get((int) terms[i]));
                before = terms[i];
            }
            chunks.add(Arrays.copyOf(out, at));
        }
        return chunks;
    }

    /**
     * A chunk {@link #encode} wrote; refuses another version, a cut or overlong number, terms beyond 32 bits, out of
     * order or repeated, and a count of 0.
     */
    static Chunk decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException(bytes.length == 0 ? "empty epoch counts"
                    : "epoch counts of encoding version " + bytes[0] + "; this build reads " + VERSION);
        }
        Varints.Reader in = new Varints.Reader(bytes, 1, "epoch counts");
        long documents = in.next();
        int[] terms = new int[bytes.length / 2];
        int[] counts = new int[terms.length];
        int n = 0;
        long value = 0;
        while (in.hasMore()) {
            long gap = in.next();
            if (n > 0 && gap == 0) {
                throw new IllegalArgumentException("epoch counts repeat a term at byte " + in.position());
            }
            value += gap;
            long count = in.next();
            if (value > 0xFFFF_FFFFL || count == 0 || count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("epoch counts with a term beyond 32 bits or a count of " + count
                        + " at byte " + in.position());
            }
            terms[n] = (int) value;
            counts[n++] = (int) count;
        }
        return new Chunk(documents, Arrays.copyOf(terms, n), Arrays.copyOf(counts, n));
    }
}
