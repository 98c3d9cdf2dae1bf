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

    /**
     * Counts one more article containing {@code terms} (distinct), seen at {@code timestamp} (epoch millis), and
     * returns each of those terms' frequency with it counted: what vectorizing the article needs, without reading
     * every count a second time.
     */
    Map<String, Long> add(Collection<String> terms, long timestamp);

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
            public Map<String, Long> add(Collection<String> terms, long timestamp) {
                documents++;
                Map<String, Long> now = new HashMap<>();
                terms.forEach(t -> now.put(t, counts.merge(t, 1L, Long::sum)));
                return now;
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
