package dev.wirewatch.processing.triage;

import java.util.Arrays;

/**
 * The encoding of an article's term set in {@link EpochLog}: a version byte, then the article's distinct terms
 * sorted, as variable-length gaps of 7 bits a byte, the high bit saying "more" (about 3 bytes a term for 300 terms
 * among 2³²). A term is the upper 32 bits of its 64-bit key, as in compact profiles.
 *
 * <p>Stateless and thread safe.
 */
final class TermSets {

    private static final byte VERSION = 1;

    private TermSets() {
    }

    /** The term of a 64-bit key: its upper half. */
    static int term(long key) {
        return (int) (key >>> 32);
    }

    /** The distinct terms of {@code keys}, sorted as unsigned numbers. */
    static int[] of(long[] keys) {
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

    /** {@code terms}, distinct and sorted as {@link #of} returns them. */
    static byte[] encode(int[] terms) {
        byte[] out = new byte[1 + terms.length * Varints.MAX_BYTES];
        out[0] = VERSION;
        int at = 1;
        long before = 0;
        for (int term : terms) {
            long value = Integer.toUnsignedLong(term);
            at = Varints.write(out, at, value - before);
            before = value;
        }
        return Arrays.copyOf(out, at);
    }

    /**
     * The terms {@link #encode} wrote; refuses another version, a cut or overlong gap, terms beyond 32 bits and
     * terms out of order or repeated (a term counted twice for one article).
     */
    static int[] decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException(bytes.length == 0 ? "an empty term set"
                    : "a term set of encoding version " + bytes[0] + "; this build reads " + VERSION);
        }
        int[] terms = new int[bytes.length - 1];
        int n = 0;
        long value = -1;
        Varints.Reader in = new Varints.Reader(bytes, 1, "a term set");
        while (in.hasMore()) {
            long gap = in.next();
            if (n > 0 && gap == 0) {
                throw new IllegalArgumentException("a term repeated at byte " + in.position());
            }
            value = n == 0 ? gap : value + gap;
            if (value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("a term set beyond 32 bits at byte " + in.position());
            }
            terms[n++] = (int) value;
        }
        return Arrays.copyOf(terms, n);
    }
}
