package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;

/** Triage's package-private parts, for the benchmarks in another package. */
public final class TriageBenchmarks {

    private TriageBenchmarks() {
    }

    /** A count per (key, epoch start), as the frequencies' window store keeps them. */
    public interface EpochCounts extends dev.wirewatch.processing.triage.EpochCounts {
    }

    /** The document frequencies triage keeps, over another store of the same layout. */
    public static DocumentFrequencies windowFrequencies(EpochCounts counts, Duration retention) {
        return new WindowFrequencies(counts, retention);
    }

    /** The document frequencies triage keeps, over {@code store}. */
    public static DocumentFrequencies windowFrequencies(WindowStore<Long, Long> store, Duration retention) {
        return new WindowFrequencies(store, retention);
    }

    /** The same counts read from {@code store} for every term of every article: how triage first kept them. */
    public static DocumentFrequencies readEveryTime(WindowStore<Long, Long> store, Duration retention) {
        long epochMillis = WindowFrequencies.epochMillis(retention);
        return new DocumentFrequencies() {
            private long epochStart = -1;

            @Override
            public long[] add(long[] keys, long timestamp) {
                epochStart = Math.max(epochStart, Math.floorDiv(timestamp, epochMillis) * epochMillis);
                increment(WindowFrequencies.DOCUMENTS);
                long[] counts = new long[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    counts[i] = increment(keys[i]);
                }
                return counts;
            }

            @Override
            public boolean[] seenBefore(long[] keys, long timestamp) {
                epochStart = Math.max(epochStart, Math.floorDiv(timestamp, epochMillis) * epochMillis);
                boolean[] seen = new boolean[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    seen[i] = store.fetch(keys[i], epochStart) != null;
                    if (!seen[i]) {
                        seen[i] = epochStart >= epochMillis && store.fetch(keys[i], epochStart - epochMillis) != null;
                        store.put(keys[i], 1L, epochStart);
                    }
                }
                return seen;
            }

            private long increment(long key) {
                Long current = store.fetch(key, epochStart);
                long now = (current == null ? 0 : current) + 1;
                store.put(key, now, epochStart);
                Long previous = epochStart >= epochMillis ? store.fetch(key, epochStart - epochMillis) : null;
                return now + (previous == null ? 0 : previous);
            }

            @Override
            public long documents() {
                Long current = store.fetch(WindowFrequencies.DOCUMENTS, epochStart);
                return current == null ? 0 : current;
            }
        };
    }
}
