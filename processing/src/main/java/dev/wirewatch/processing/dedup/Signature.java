package dev.wirewatch.processing.dedup;

import java.util.Arrays;

/**
 * A MinHash signature of a text's shingle set, and the set's size: enough to estimate the Jaccard similarity and
 * the containment of two texts without keeping their shingles.
 *
 * <p>Immutable; {@code mins} is not copied on access and must not be modified. {@code 4 × mins.length + 4} bytes of
 * state per article.
 */
public record Signature(int[] mins, int shingles) {

    /**
     * Estimated Jaccard similarity: the share of positions where both signatures hold the same minimum, compared on
     * its low 16 bits (b-bit MinHash: the candidate index stores only those; two different minima agree there by
     * chance once in 65,536, which raises an estimate by about 0.00002).
     */
    public double jaccard(Signature other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < mins.length; i++) {
            if ((mins[i] & LOW_BITS) == (other.mins[i] & LOW_BITS)) {
                same++;
            }
        }
        return (double) same / mins.length;
    }

    /** The bits of each minimum that {@link #jaccard} compares. */
    public static final int LOW_BITS = 0xFFFF;

    /**
     * Estimated containment of the smaller set in the larger, |A∩B| / min(|A|,|B|), derived from the Jaccard
     * estimate and the set sizes; this is what recognizes a truncated copy.
     */
    public double containment(Signature other, double jaccard) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        double intersection = jaccard * (shingles + other.shingles) / (1 + jaccard);
        return Math.min(1, intersection / Math.min(shingles, other.shingles));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && shingles == s.shingles && Arrays.equals(mins, s.mins);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mins) + shingles;
    }

    @Override
    public String toString() {
        return "Signature[" + mins.length + " mins, " + shingles + " shingles]";
    }
}
