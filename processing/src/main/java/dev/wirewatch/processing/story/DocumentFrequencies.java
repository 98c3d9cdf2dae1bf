package dev.wirewatch.processing.story;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many of the articles seen so far contain each term: the "IDF" half of TF-IDF, kept where the articles are
 * seen (in memory for {@code wirewatch dedup}, in a state store in the topology).
 *
 * <p>Implementations need not be thread safe.
 */
public interface DocumentFrequencies {

    /** Counts one more article containing {@code terms} (distinct), seen at {@code timestamp} (epoch millis). */
    void add(Collection<String> terms, long timestamp);

    /** Articles seen that contain {@code term}. */
    long frequency(String term);

    /** Articles seen. */
    long documents();

    /** Frequencies kept in memory for the life of the object. */
    static DocumentFrequencies inMemory() {
        return new DocumentFrequencies() {
            private final Map<String, Long> counts = new HashMap<>();
            private long documents;

            @Override
            public void add(Collection<String> terms, long timestamp) {
                documents++;
                terms.forEach(t -> counts.merge(t, 1L, Long::sum));
            }

            @Override
            public long frequency(String term) {
                return counts.getOrDefault(term, 0L);
            }

            @Override
            public long documents() {
                return documents;
            }
        };
    }
}
