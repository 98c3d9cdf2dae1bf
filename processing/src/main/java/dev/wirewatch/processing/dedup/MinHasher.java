package dev.wirewatch.processing.dedup;

import java.util.Arrays;

/**
 * Computes MinHash signatures: for each of {@code n} seeded hash functions, the minimum over a text's shingles.
 *
 * <p>Immutable and thread safe. Signatures from hashers with the same {@code n} are comparable across processes
 * and restarts (the seeds are fixed), which state stores rely on.
 */
public final class MinHasher {

    private final long[] seeds;

    public MinHasher(int n) {
        seeds = new long[n];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = Shingles.Mix.mix64(s);
        }
    }

    public Signature sign(long[] shingles) {
        int[] mins = new int[seeds.length];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < seeds.length; i++) {
                int h = (int) (Shingles.Mix.mix64(shingle ^ seeds[i]) >>> 33);
                if (h < mins[i]) {
                    mins[i] = h;
                }
            }
        }
        return new Signature(mins, shingles.length);
    }
}
