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
 * Document-frequency updates per second on the store triage keeps them in (Streams' RocksDB window store with its
 * record cache, reached through a test driver): the counts read back from the store for every term of every
 * article (as triage did first) against the counts of the epoch kept in memory once read (as it does now), in the
 * same run. 300 distinct terms per article from a Zipf vocabulary of 1,000,000. Prints figures; asserts nothing.
 */
@Tag("benchmark")
class FrequenciesBenchmark {

    private static final int ARTICLES = 20_000;

    /** Does nothing: only gives the store a task. */
    private static final class Holder implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    @Test
    void readingEachTermOncePerEpochAgainstReadingItForEveryArticle() {
        Duration retention = Duration.ofDays(14);
        long[][] articles = articles();
        for (int round = 0; round < 2; round++) {
            for (boolean remembered : new boolean[] {false, true}) {
                try (TopologyTestDriver driver = driver(retention)) {
                    WindowStore<Long, Long> store = driver.getWindowStore("f");
                    DocumentFrequencies f = remembered ? TriageBenchmarks.windowFrequencies(store, retention)
                            : TriageBenchmarks.readEveryTime(store, retention);
                    long start = System.nanoTime();
                    for (int i = 0; i < articles.length; i++) {
                        f.add(articles[i], i * 1000L);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("round %d, %s: %,.0f articles/s (%.3f ms per article)%n", round,
                            remembered ? "epoch counts kept once read" : "read from the store every time",
                            ARTICLES / seconds, seconds * 1000 / ARTICLES);
                }
            }
        }
    }

    private static TopologyTestDriver driver(Duration retention) {
        Duration kept = Duration.ofMillis(2 * Math.max(1, retention.toMillis() / 2));
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("f", kept, kept.dividedBy(2),
                false), Serdes.Long(), Serdes.Long()).withCachingEnabled(), "holds-the-store");
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
