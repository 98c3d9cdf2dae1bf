package dev.wirewatch.processing.story;

import dev.wirewatch.model.ContentHash;
import java.util.Arrays;
import java.util.Map;

/**
 * How often each word of a text occurs, by 64-bit term key ({@link TermVector#key}) in ascending order: what is
 * counted upstream so that the triage step handles no strings.
 *
 * <p>Immutable; the arrays are not copied and must not be modified.
 */
public record TermCounts(long[] keys, int[] counts) {

    public static final TermCounts EMPTY = new TermCounts(new long[0], new int[0]);

    public TermCounts {
        if (keys.length != counts.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + counts.length + " counts");
        }
    }

    /** The counts of {@code text}'s words (normalized as {@link ContentHash#normalize}; stop words left out). */
    public static TermCounts of(String text) {
        return of(TermVectors.termFrequencies(text));
    }

    /** The counts of {@code frequencies} (word → count) by term key. */
    public static TermCounts of(Map<String, Integer> frequencies) {
        long[][] pairs = new long[frequencies.size()][];
        int n = 0;
        for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
            pairs[n++] = new long[] {TermVector.key(e.getKey()), e.getValue()};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] keys = new long[n];
        int[] counts = new int[n];
        int m = 0;
        for (long[] p : pairs) {
            if (m > 0 && keys[m - 1] == p[0]) {
                counts[m - 1] += (int) p[1]; // two words on one key: counted as one term
            } else {
                keys[m] = p[0];
                counts[m++] = (int) p[1];
            }
        }
        return m == n ? new TermCounts(keys, counts) : new TermCounts(Arrays.copyOf(keys, m), Arrays.copyOf(counts, m));
    }

    /** These keys with {@code counts} instead (same length), the keys whose count is 0 left out. */
    public TermCounts withCounts(int[] counts) {
        int kept = 0;
        for (int c : counts) {
            kept += c > 0 ? 1 : 0;
        }
        long[] k = new long[kept];
        int[] c = new int[kept];
        for (int i = 0, j = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                k[j] = keys[i];
                c[j++] = counts[i];
            }
        }
        return new TermCounts(k, c);
    }

    public int size() {
        return keys.length;
    }

    /** The count of {@code key}, 0 when absent. */
    public int count(long key) {
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? 0 : counts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermCounts t && Arrays.equals(keys, t.keys) && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "TermCounts[" + keys.length + " terms]";
    }
}
