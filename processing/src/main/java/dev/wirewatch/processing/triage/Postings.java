package dev.wirewatch.processing.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles filed under 64-bit keys (LSH band keys, or a story method's candidate keys) by their 64-bit handle
 * ({@link Bands#handle}), each with the time it was filed: triage's candidate lookup. Handles, not ids, keep each
 * entry small.
 *
 * <p>Implementations need not be thread safe.
 */
public interface Postings {

    /** An article filed under a key. */
    record Posting(long handle, long timestamp) {
    }

    /** The articles filed under {@code key} with timestamps in [{@code from}, {@code to}]. */
    List<Posting> find(long key, long from, long to);

    void add(long key, long handle, long timestamp);

    /** Postings kept in memory for the life of the object. */
    static Postings inMemory() {
        return new Postings() {
            private final Map<Long, List<Posting>> byKey = new HashMap<>();

            @Override
            public List<Posting> find(long key, long from, long to) {
                return byKey.getOrDefault(key, List.of()).stream()
                        .filter(p -> p.timestamp() >= from && p.timestamp() <= to).toList();
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Posting(handle, timestamp));
            }
        };
    }
}
