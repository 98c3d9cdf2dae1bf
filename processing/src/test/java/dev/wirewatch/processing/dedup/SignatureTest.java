package dev.wirewatch.processing.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private final MinHasher hasher = new MinHasher(NearDuplicateSettings.DEFAULTS.hashes());

    /** The shingles {@code from} (inclusive) to {@code to} (exclusive), as distinct 64-bit values. */
    private static long[] shingles(long from, long to) {
        return LongStream.range(from, to).map(i -> i * 0x9E3779B97F4A7C15L).toArray();
    }

    @Test
    void identicalTextsScoreOneAndTheEstimateFollowsTheTrueJaccard() {
        Signature a = hasher.sign(shingles(0, 600));
        assertEquals(1.0, a.jaccard(hasher.sign(shingles(0, 600))));
        // 400 shared of 800: Jaccard 0.5; of 600 + 900 sharing 300: 0.25
        assertEquals(0.5, a.jaccard(hasher.sign(shingles(200, 800))), 0.1);
        assertEquals(0.25, a.jaccard(hasher.sign(shingles(300, 1200))), 0.1);
    }

    @Test
    void minimaThatAgreeOnlyByChanceInTheirLowBitsCountForNothing() {
        Signature a = hasher.sign(shingles(0, 600));
        Signature b = hasher.sign(shingles(10_000, 10_600)); // nothing shared
        double sum = 0;
        for (int seed = 1; seed <= 50; seed++) {
            sum += hasher.sign(shingles(seed * 1_000_000L, seed * 1_000_000L + 600)).jaccard(a);
        }
        assertEquals(0, sum / 50, 0.003, "about one value in 256 agrees by chance; the estimate takes that out");
        int[] other = Arrays.copyOf(a.mins(), a.mins().length);
        for (int i = 0; i < other.length; i++) {
            other[i] = (a.mins()[i] & ~Signature.LOW_BITS) | ((a.mins()[i] + 1) & Signature.LOW_BITS);
        }
        assertEquals(0.0, a.jaccard(new Signature(other, 600)), "no agreement is 0, not below");
        assertEquals(0.0, b.jaccard(new Signature(new int[b.mins().length], 0)), "an empty text shares nothing");
    }
}
