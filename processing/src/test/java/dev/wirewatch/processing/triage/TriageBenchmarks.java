package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.story.StoryMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;

/** Triage's package-private parts, for the benchmarks in another package. */
public final class TriageBenchmarks {

    private TriageBenchmarks() {
    }

    /** One entry per article filed under its epoch, as triage's term-set and fingerprint-set stores keep them. */
    public interface EpochLog extends dev.wirewatch.processing.triage.EpochLog {
    }

    /**
     * The document frequencies triage keeps, over other stores of the same layout: term sets in {@code log} and closed
     * epochs' counts in {@code closed} for {@code retention}, fingerprint sets in {@code markers} for
     * {@code storyWindow}.
     */
    public static DocumentFrequencies windowFrequencies(EpochLog log, EpochLog closed, EpochLog markers,
                                                        Duration retention, Duration storyWindow) {
        return new WindowFrequencies(log, closed, retention, new EpochMarkers(markers, storyWindow,
                Triage.Problems.NONE), Triage.Problems.NONE);
    }

    /** The document frequencies triage keeps, term sets in {@code store}, closed epochs and fingerprints in memory. */
    public static DocumentFrequencies windowFrequencies(WindowStore<Long, byte[]> store, Duration retention) {
        return new WindowFrequencies(dev.wirewatch.processing.triage.EpochLog.of(store),
                dev.wirewatch.processing.triage.EpochLog.NONE, retention,
                new EpochMarkers(dev.wirewatch.processing.triage.EpochLog.NONE, retention, Triage.Problems.NONE),
                Triage.Problems.NONE);
    }

    /**
     * Triage's storage over the topology's own stores (Streams' RocksDB window stores with their changelogs, as
     * {@link dev.wirewatch.processing.ProcessingTopology} defines them) in {@code driver}, a driver of that topology.
     */
    public static TriageStorage topologyStores(TopologyTestDriver driver, TriageSettings settings,
                                               StoryMethod<?, ?> method) {
        TriageProcessor.StoreNames names = dev.wirewatch.processing.ProcessingTopology.TRIAGE_STORES;
        return StoreTriageStorage.of(new StoreTriageStorage.Stores(driver.getWindowStore(names.contentHashes()),
                driver.getWindowStore(names.bands()), driver.getWindowStore(names.articles()),
                driver.getWindowStore(names.termSets()), driver.getWindowStore(names.epochCounts()),
                driver.getWindowStore(names.fingerprintSets()),
                driver.getWindowStore(names.tallies())), settings.retention(), settings.storyWindow(),
                Triage.storyKeysOf(method, Triage.Problems.NONE), Triage.Problems.NONE);
    }

    /** The postings triage keeps in a window store (its LSH bands'). */
    public static Postings storePostings(WindowStore<Long, Long> store) {
        return StoreTriageStorage.postings(store);
    }

    /**
     * The bytes of the entries triage writes to keep a closed epoch's {@code counts} (by term) of {@code documents},
     * each entry with {@code perEntry} bytes of store key.
     */
    public static long epochCountBytes(com.carrotsearch.hppc.IntIntHashMap counts, long documents, int perEntry) {
        return EpochCounts.encode(counts, documents).stream().mapToLong(chunk -> perEntry + chunk.length).sum();
    }

    /** The terms triage counts for an article with {@code keys}: distinct, as its term set holds them. */
    public static int[] terms(long[] keys) {
        return TermSets.of(keys);
    }

    /** The bytes of the term-set entry triage writes for an article with {@code terms} ({@link #terms}). */
    public static int termSetBytes(int[] terms) {
        return TermSets.encode(terms).length;
    }

    /**
     * How triage kept the counts before the term sets (the baseline): an entry per (term, epoch start) in
     * {@code store}, updated for every term of every article, each epoch's counts kept in memory once read.
     */
    public static DocumentFrequencies perTermCounts(WindowStore<Long, Long> store, Duration retention) {
        long epochMillis = WindowFrequencies.epochMillis(retention);
        return new DocumentFrequencies() {
            private static final long DOCUMENTS = Long.MIN_VALUE;
            private long epochStart = -1;
            private Map<Long, Long> current = new HashMap<>();
            private Map<Long, Long> previous = new HashMap<>();

            @Override
            public long[] add(long[] keys, long timestamp) {
                long epoch = WindowFrequencies.epochStart(timestamp, epochMillis);
                if (epoch > epochStart) {
                    previous = epoch == epochStart + epochMillis ? current : new HashMap<>();
                    current = new HashMap<>();
                    epochStart = epoch;
                }
                increment(DOCUMENTS);
                long[] counts = new long[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    counts[i] = increment(keys[i]);
                }
                return counts;
            }

            private long increment(long key) {
                long now = count(current, key, epochStart) + 1;
                current.put(key, now);
                store.put(key, now, epochStart);
                return now + count(previous, key, epochStart - epochMillis);
            }

            private long count(Map<Long, Long> read, long key, long epoch) {
                return read.computeIfAbsent(key, k -> {
                    Long stored = epoch >= 0 ? store.fetch(k, epoch) : null;
                    return stored == null ? 0L : stored;
                });
            }

            @Override
            public boolean[] seenBefore(long[] keys, long timestamp) {
                throw new UnsupportedOperationException("the baseline counts words only");
            }

            @Override
            public long documents() {
                return epochStart < 0 ? 0 : count(current, DOCUMENTS, epochStart)
                        + count(previous, DOCUMENTS, epochStart - epochMillis);
            }
        };
    }
}
