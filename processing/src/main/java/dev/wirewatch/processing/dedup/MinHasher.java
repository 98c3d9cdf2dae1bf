package dev.wirewatch.processing.dedup;

import java.util.Arrays;

/**
 * Computes MinHash signatures: for each of {@code n} seeded hash functions, the minimum over a text's shingles.
 *
 * <p>Immutable and thread safe. Signatures from hashers with the same {@code n} are comparable across processes
 * and restarts (the seeds are fixed), which state stores rely on.
 */
public final class MinHasher {

    private final long[] multipliers;
    private final long[] increments;

    public MinHasher(int n) {
        multipliers = new long[n];
        increments = new long[n];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            s += 0x9E3779B97F4A7C15L;
            multipliers[i] = Shingles.Mix.mix64(s) | 1; // odd, so the multiplication is a bijection
            s += 0x9E3779B97F4A7C15L;
            increments[i] = Shingles.Mix.mix64(s);
        }
    }

    /**
     * The signature of {@code shingles} (already well-mixed 64-bit hashes, as {@link Shingles#of} makes them): the
     * i-th function is the top 31 bits of {@code a[i] · x + b[i]} (multiply-add-shift hashing). One multiplication
     * per shingle and function instead of a full mixing round: signing was the costliest step of processing.
     */
    public Signature sign(long[] shingles) {
        int n = multipliers.length;
        int[] mins = new int[n];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < n; i++) {
                int h = (int) ((multipliers[i] * shingle + increments[i]) >>> 33);
                mins[i] = Math.min(mins[i], h);
            }
        }
        return new Signature(mins, shingles.length);
    }
}
