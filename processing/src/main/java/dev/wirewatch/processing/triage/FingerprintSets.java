package dev.wirewatch.processing.triage;

import java.nio.ByteBuffer;

/**
 * The encoding of the fingerprints an article was the first in its epoch to have, in {@link EpochLog}: a version
 * byte, then each 64-bit fingerprint in 8 bytes (they are hashes, so gaps between sorted ones would not be smaller).
 *
 * <p>Stateless and thread safe.
 */
final class FingerprintSets {

    private static final byte VERSION = 1;

    private FingerprintSets() {
    }

    static byte[] encode(long[] fingerprints, int count) {
        ByteBuffer out = ByteBuffer.allocate(1 + 8 * count).put(VERSION);
        for (int i = 0; i < count; i++) {
            out.putLong(fingerprints[i]);
        }
        return out.array();
    }

    /** The fingerprints {@link #encode} wrote; refuses another version and a length that is no whole number. */
    static long[] decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException(bytes.length == 0 ? "an empty fingerprint set"
                    : "a fingerprint set of encoding version " + bytes[0] + "; this build reads " + VERSION);
        }
        if ((bytes.length - 1) % 8 != 0) {
            throw new IllegalArgumentException("a fingerprint set of " + bytes.length + " bytes is cut");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long[] fingerprints = new long[(bytes.length - 1) / 8];
        for (int i = 0; i < fingerprints.length; i++) {
            fingerprints[i] = in.getLong();
        }
        return fingerprints;
    }
}
