package dev.wirewatch.processing.triage;

/**
 * Unsigned numbers in 7 bits a byte, the high bit saying "more": the gaps and counts of {@link TermSets} and
 * {@link EpochCounts}, where most numbers are small.
 *
 * <p>Stateless and thread safe; a {@link Reader} is not.
 */
final class Varints {

    /** The most bytes a number of up to 35 bits takes: five. */
    static final int MAX_BYTES = 5;

    private Varints() {
    }

    /** Writes {@code value} (≥ 0) into {@code out} from {@code at}; returns where the next number goes. */
    static int write(byte[] out, int at, long value) {
        while (value >= 0x80) {
            out[at++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    /** Reads numbers from a position on; refuses a number cut by the end or longer than {@value #MAX_BYTES} bytes. */
    static final class Reader {

        private final byte[] bytes;
        private final String what;
        private int at;

        /** Reads {@code bytes} from {@code at}; errors name the encoding as {@code what} ("a term set"). */
        Reader(byte[] bytes, int at, String what) {
            this.bytes = bytes;
            this.at = at;
            this.what = what;
        }

        boolean hasMore() {
            return at < bytes.length;
        }

        /** The position after the last number read (for error messages). */
        int position() {
            return at;
        }

        long next() {
            long value = 0;
            int shift = 0;
            byte b;
            do {
                if (at == bytes.length || shift > 7 * (MAX_BYTES - 1)) {
                    throw new IllegalArgumentException(what + " cut or overlong at byte " + at);
                }
                b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return value;
        }
    }
}
