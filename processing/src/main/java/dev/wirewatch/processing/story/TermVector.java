package dev.wirewatch.processing.story;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A normalized TF-IDF vector as triage compares it: term keys in ascending order with float weights (as a profile
 * keeps it, {@link #compact()}: keys cut to 32 bits, weights to 16). Comparing two is a merge of sorted arrays;
 * reading one back from a store makes no strings, so a story candidate costs a few hundred nanoseconds to score
 * instead of tens of microseconds for a map of strings.
 *
 * <p>Immutable; the arrays are not copied and must not be modified. Two terms share a full key with probability
 * about 2⁻⁶⁴ per pair, a cut one about 2⁻³².
 */
public record TermVector(long[] keys, float[] weights) {

    /** What {@link #compact()} keeps of a key, and the largest 16-bit weight step. */
    private static final long UPPER_32_BITS = 0xFFFF_FFFF_0000_0000L;
    private static final float MAX_STEP = 65_535f;

    public TermVector {
        if (keys.length != weights.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + weights.length + " weights");
        }
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1] >= keys[i]) {
                throw new IllegalArgumentException("keys not strictly ascending at " + i);
            }
        }
    }

    /** The vector of {@code weights} (term → weight), keyed by {@link #key}. */
    public static TermVector of(Map<String, Double> weights) {
        long[] keys = new long[weights.size()];
        float[] values = new float[weights.size()];
        long[][] pairs = new long[weights.size()][];
        int n = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            pairs[n++] = new long[] {key(e.getKey()), Float.floatToRawIntBits(e.getValue().floatValue())};
        }
        Arrays.sort(pairs, Comparator.comparingLong(p -> p[0]));
        for (int i = 0; i < n; i++) {
            keys[i] = pairs[i][0];
            values[i] = Float.intBitsToFloat((int) pairs[i][1]);
        }
        return new TermVector(keys, values);
    }

    /**
     * This vector as a profile keeps it: each key cut to its upper 32 bits and each weight to 16 bits (steps of
     * 1/65,535), with terms whose cut keys meet merged. Half the bytes of a retained article's profile; a cosine moves
     * by about 10⁻⁵, and two of two articles' hundred terms meet by chance with probability about 2⁻¹⁸ per pair.
     * {@link #compact()} of a compact vector is the vector itself, so what is stored reads back equal.
     */
    public TermVector compact() {
        long[] cut = new long[keys.length];
        float[] kept = new float[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            long key = cut(keys[i]); // cutting low bits keeps ascending keys in order
            if (n > 0 && cut[n - 1] == key) {
                kept[n - 1] = quantized(kept[n - 1] + weights[i]);
            } else {
                cut[n] = key;
                kept[n++] = quantized(weights[i]);
            }
        }
        return new TermVector(Arrays.copyOf(cut, n), Arrays.copyOf(kept, n));
    }

    /** A key as {@link #compact()} keeps it: its upper 32 bits. */
    static long cut(long key) {
        return key & UPPER_32_BITS;
    }

    /** The 16-bit step of a weight in [0, 1], as {@link #compact()} keeps it. */
    static int step(float weight) {
        return Math.round(Math.min(1f, Math.max(0f, weight)) * MAX_STEP);
    }

    /** The weight of a 16-bit step. */
    static float weight(int step) {
        return step / MAX_STEP;
    }

    private static float quantized(float weight) {
        return weight(step(weight));
    }

    /** Cosine of two normalized vectors: the sum of products over the keys both hold. */
    public double cosine(TermVector other) {
        long[] a = keys;
        long[] b = other.keys;
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                sum += (double) weights[i++] * other.weights[j++];
            }
        }
        return sum;
    }

    /** The keys of the {@code n} heaviest terms, heaviest first (equal weights: smaller key first). */
    public long[] heaviest(int n) {
        return IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -weights[i]).thenComparingLong(i -> keys[i]))
                .limit(n)
                .mapToLong(i -> keys[i])
                .toArray();
    }

    public int size() {
        return keys.length;
    }

    /** The key of a term (FNV-1a over its characters, then mixed); stable across releases, stores hold it. */
    public static long key(String term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            h = (h ^ term.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finalizer: spreads a 64-bit value's bits over all 64 (what makes {@link #key} well mixed). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermVector v && Arrays.equals(keys, v.keys) && Arrays.equals(weights, v.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermVector[" + keys.length + " terms]";
    }
}
