package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Document frequencies in epochs of half the retention: a key's count is filed at its epoch's start, and its
 * frequency is the current and the previous epoch's count, so what is older than about one retention window
 * is forgotten when its segment goes.
 */
final class WindowFrequencies implements DocumentFrequencies {

    /** The key of the article count; a term's key equals it with probability 2⁻⁶⁴. */
    static final long DOCUMENTS = Long.MIN_VALUE;

    private final EpochCounts store;
    private final long epochMillis;
    private final EpochMarkers fingerprints;
    private long epochStart = -1;
    /**
     * The counts of the current and the previous epoch read so far, so each term is read from the store once
     * per epoch, not twice per article: the single writer is the only one changing them, and the previous
     * epoch no longer changes at all. Dropped with the processor (a task that moves or restarts reads again).
     */
    private Map<Long, Long> current = new HashMap<>();
    private Map<Long, Long> previous = new HashMap<>();

    /** Counts and fingerprints in one store, with one retention (as tests and benchmarks build them). */
    WindowFrequencies(WindowStore<Long, Long> store, Duration retention) {
        this(EpochCounts.of(store), retention);
    }

    /** Over another store of the same layout (the benchmarks' RocksDB), fingerprints beside the counts. */
    WindowFrequencies(EpochCounts store, Duration retention) {
        this(store, retention, new EpochMarkers(store, retention));
    }

    /** Counts in {@code store} for {@code retention}; fingerprints asked of {@code fingerprints}. */
    WindowFrequencies(EpochCounts store, Duration retention, EpochMarkers fingerprints) {
        this.store = store;
        this.epochMillis = epochMillis(retention);
        this.fingerprints = fingerprints;
    }

    /** The epoch length for {@code retention}; the store must retain two epochs. */
    static long epochMillis(Duration retention) {
        return Math.max(1, retention.toMillis() / 2);
    }

    @Override
    public long[] add(long[] keys, long timestamp) {
        roll(timestamp);
        increment(DOCUMENTS);
        long[] counts = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            counts[i] = increment(keys[i]);
        }
        return counts;
    }

    /** Asked of the fingerprints' own markers ({@link EpochMarkers}), which may keep them for less time. */
    @Override
    public boolean[] seenBefore(long[] keys, long timestamp) {
        return fingerprints.seenBefore(keys, timestamp);
    }

    private void roll(long timestamp) {
        long epoch = Math.floorDiv(timestamp, epochMillis) * epochMillis;
        if (epoch > epochStart) {
            previous = epoch == epochStart + epochMillis ? current : new HashMap<>();
            current = new HashMap<>();
            epochStart = epoch;
        }
    }

    private long increment(long key) {
        long now = count(current, key, epochStart) + 1;
        current.put(key, now);
        store.put(key, now, epochStart);
        return now + count(previous, key, epochStart - epochMillis);
    }

    private long count(Map<Long, Long> read, long key, long epoch) {
        Long known = read.get(key);
        if (known == null) {
            Long stored = epoch >= 0 ? store.fetch(key, epoch) : null;
            known = stored == null ? 0L : stored;
            read.put(key, known);
        }
        return known;
    }

    @Override
    public long documents() {
        return epochStart < 0 ? 0 : count(current, DOCUMENTS, epochStart)
                + count(previous, DOCUMENTS, epochStart - epochMillis);
    }
}
