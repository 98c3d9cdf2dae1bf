package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.triage.TriageBenchmarks;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Document-frequency updates per second on the stores triage keeps them in (Streams' RocksDB window stores, reached
 * through a test driver): the previous design, an entry per (term, epoch) updated for every term of every article
 * (record cache on, each epoch's counts kept in memory once read), against the counts in memory with one term-set
 * entry per article (now), in the same run. 300 distinct terms per article from a Zipf vocabulary of 1,000,000.
 * Prints figures; asserts nothing.
 */
@Tag("benchmark")
class FrequenciesBenchmark {

    private static final int ARTICLES = 20_000;

    /** Does nothing: only gives the stores a task. */
    private static final class Holder implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    @Test
    void termSetsAgainstAStoreEntryPerTerm() {
        Duration retention = Duration.ofDays(14);
        long[][] articles = articles();
        for (int round = 0; round < 2; round++) {
            for (boolean termSets : new boolean[] {false, true}) {
                try (TopologyTestDriver driver = driver(retention)) {
                    DocumentFrequencies f = termSets
                            ? TriageBenchmarks.windowFrequencies(driver.<Long, byte[]>getWindowStore("t"), retention)
                            : TriageBenchmarks.perTermCounts(driver.getWindowStore("f"), retention);
                    long start = System.nanoTime();
                    for (int i = 0; i < articles.length; i++) {
                        f.add(articles[i], i * 1000L);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("round %d, %s: %,.0f articles/s (%.3f ms per article)%n", round,
                            termSets ? "counts in memory, a term set per article (now)"
                                    : "an entry per term and epoch (before)",
                            ARTICLES / seconds, seconds * 1000 / ARTICLES);
                    if (termSets) {
                        rebuild(driver.getWindowStore("t"), retention);
                    }
                }
            }
        }
    }

    /** What a task that starts on {@code store} spends rebuilding the counts, before its first article. */
    private static void rebuild(WindowStore<Long, byte[]> store, Duration retention) {
        long start = System.nanoTime();
        TriageBenchmarks.windowFrequencies(store, retention).add(new long[] {1}, ARTICLES * 1000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  a starting task rebuilds the counts of %,d term sets in %.0f ms (%.1f µs each; "
                + "1,000,000 retained: about %.0f s)%n", ARTICLES, seconds * 1000, seconds * 1e6 / ARTICLES,
                seconds * 1_000_000 / ARTICLES);
    }

    private static TopologyTestDriver driver(Duration retention) {
        Duration kept = Duration.ofMillis(2 * Math.max(1, retention.toMillis() / 2));
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("f", kept, kept.dividedBy(2),
                false), Serdes.Long(), Serdes.Long()).withCachingEnabled(), "holds-the-store");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("t", kept, Duration.ofMillis(1),
                true), Serdes.Long(), Serdes.ByteArray()), "holds-the-store");
        return new TopologyTestDriver(topology);
    }

    private static long[][] articles() {
        Random random = new Random(3);
        double[] zipf = new double[1_000_000];
        double sum = 0;
        for (int i = 0; i < zipf.length; i++) {
            sum += 1.0 / (i + 1);
            zipf[i] = sum;
        }
        for (int i = 0; i < zipf.length; i++) {
            zipf[i] /= sum;
        }
        long[][] articles = new long[ARTICLES][];
        for (int a = 0; a < ARTICLES; a++) {
            long[] keys = new long[300];
            for (int k = 0; k < keys.length; k++) {
                int at = Arrays.binarySearch(zipf, random.nextDouble());
                keys[k] = (at < 0 ? -at - 1 : at) * 0x9E3779B97F4A7C15L;
            }
            articles[a] = Arrays.stream(keys).distinct().toArray();
        }
        return articles;
    }
}
