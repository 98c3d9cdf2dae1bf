package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.StoreSweep;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies in a state store, over roughly the retention window: counts live in epochs of half the
 * window, and a term's count is its current and previous epoch.
 *
 * <p>Not thread safe; used by its task only.
 */
final class StoreFrequencies implements DocumentFrequencies {

    /** The key of the article count; no term is empty. */
    private static final String DOCUMENTS = "";

    private final KeyValueStore<String, Frequency> store;
    private final long epochMillis;
    private long now = Long.MIN_VALUE;

    StoreFrequencies(KeyValueStore<String, Frequency> store, Duration retention) {
        this.store = store;
        this.epochMillis = Math.max(1, retention.toMillis() / 2);
        Frequency documents = store.get(DOCUMENTS); // after a restart, the epoch the counts were kept in
        this.now = documents == null ? Long.MIN_VALUE : documents.epoch();
    }

    @Override
    public Map<String, Long> add(Collection<String> terms, long timestamp) {
        now = Math.max(now, Math.floorDiv(timestamp, epochMillis));
        increment(DOCUMENTS);
        Map<String, Long> counts = new HashMap<>();
        terms.forEach(term -> counts.put(term, increment(term)));
        return counts;
    }

    private long increment(String key) {
        Frequency before = store.get(key);
        Frequency after = (before == null ? new Frequency(now, 0, 0) : before).plusOne(now);
        store.put(key, after);
        return after.at(now);
    }

    @Override
    public long frequency(String term) {
        Frequency f = store.get(term);
        return f == null ? 0 : f.at(now);
    }

    @Override
    public long documents() {
        return frequency(DOCUMENTS);
    }

    /** Deletes the counts of terms not seen for two epochs; returns how many (none before the first article). */
    int forgetOld() {
        if (now == Long.MIN_VALUE) {
            return 0;
        }
        long current = now;
        return StoreSweep.deleteWhere(store, (term, f) -> f.at(current) == 0);
    }
}
