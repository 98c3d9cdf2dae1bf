package dev.wirewatch.processing.triage;

import java.util.ArrayList;
import java.util.Collections;
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

    /** The articles filed under {@code key} with timestamps in [{@code from}, {@code to}], oldest first. */
    List<Posting> find(long key, long from, long to);

    /**
     * The latest {@code limit} of {@link #find}'s postings, oldest first. A store should read only those: under a
     * word every article of a big story carries, the range holds thousands.
     */
    default List<Posting> latest(long key, long from, long to, int limit) {
        List<Posting> found = find(key, from, to);
        return found.subList(Math.max(0, found.size() - limit), found.size());
    }

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
            public List<Posting> latest(long key, long from, long to, int limit) {
                List<Posting> filed = byKey.getOrDefault(key, List.of());
                List<Posting> found = new ArrayList<>(Math.min(limit, filed.size()));
                for (int i = filed.size() - 1; i >= 0 && found.size() < limit; i--) {
                    Posting p = filed.get(i);
                    if (p.timestamp() >= from && p.timestamp() <= to) {
                        found.add(p);
                    }
                }
                Collections.reverse(found);
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Posting(handle, timestamp));
            }
        };
    }
}
