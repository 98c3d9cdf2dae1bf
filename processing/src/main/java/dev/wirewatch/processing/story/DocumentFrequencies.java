package dev.wirewatch.processing.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many of the articles seen so far contain each term (asked by 64-bit key; an implementation may count keys
 * that share a prefix as one): the "IDF" half of TF-IDF, kept by the triage step (the topology's and
 * {@code wirewatch dedup}'s forget counts older than about one retention window, by triage time).
 *
 * <p>Implementations need not be thread safe.
 */
public interface DocumentFrequencies {

    /**
     * Counts one more article containing {@code keys} (distinct), seen at {@code timestamp} (epoch millis, triage
     * time), and returns each key's frequency with it counted, in the order of {@code keys}: what vectorizing the
     * article needs, without reading every count a second time.
     */
    long[] add(long[] keys, long timestamp);

    /**
     * Records each of {@code fingerprints} (distinct) as seen at {@code timestamp}, without counting an article, and
     * says for each, in order, whether an earlier article had it (within a window of the implementation's: the
     * topology's is the story window): for keys that most articles have alone (a paragraph's, a passage's), so many
     * that an implementation keeps them for less time than the words' counts.
     */
    boolean[] seenBefore(long[] fingerprints, long timestamp);

    /** Articles counted. */
    long documents();

    /** Frequencies kept in memory for the life of the object. */
    static DocumentFrequencies inMemory() {
        return new DocumentFrequencies() {
            private final Map<Long, Long> counts = new HashMap<>();
            private long documents;

            @Override
            public long[] add(long[] keys, long timestamp) {
                documents++;
                long[] now = new long[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    now[i] = counts.merge(keys[i], 1L, Long::sum);
                }
                return now;
            }

            private final Set<Long> fingerprints = new HashSet<>();

            @Override
            public boolean[] seenBefore(long[] keys, long timestamp) {
                boolean[] seen = new boolean[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    seen[i] = !fingerprints.add(keys[i]);
                }
                return seen;
            }

            @Override
            public long documents() {
                return documents;
            }
        };
    }
}
