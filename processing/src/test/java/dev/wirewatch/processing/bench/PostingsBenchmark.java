package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.PostingsRocksDBConfig;
import dev.wirewatch.processing.ProcessingTopology;
import dev.wirewatch.processing.triage.Postings;
import dev.wirewatch.processing.triage.TriageBenchmarks;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A story-key lookup on a posting store as triage kept its story keys until they moved to memory
 * ({@code RecentPostings}; the store is the bands' now: Streams' RocksDB window store, retaining
 * duplicates, with processing's RocksDB settings, reached through a test driver and flushed to files before the
 * look-ups), under a key filed for N articles of the story window — a word every
 * article of a big story carries among its heaviest: the latest 50 read from the newest back (now) against the whole
 * range read and its tail kept (before), in the same run, with the same postings returned. Prints figures; asserts
 * nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl processing test -Dbenchmarks -Dtest=PostingsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PostingsBenchmark {

    private static final int LIMIT = 50;
    private static final String STORE = ProcessingTopology.TRIAGE_STORES.bands();
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Does nothing: only gives the store a task. */
    private static final class Holder implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    @Test
    void latestAgainstTheWholeRange() {
        for (int filed : new int[] {5, 50, 500, 5_000, 50_000}) {
            try (TopologyTestDriver driver = driver()) {
                WindowStore<Long, Long> store = driver.getWindowStore(STORE);
                Postings postings = TriageBenchmarks.storePostings(store);
                long now = 4 * DAY;
                for (int i = 0; i < filed; i++) {
                    postings.add(7, i, (long) i * now / filed); // spread over the four-day story window
                    postings.add(8 + i % 1000, i, (long) i * now / filed); // and lighter keys around it
                }
                store.flush();
                int lookups = Math.max(200, 2_000_000 / filed);
                for (int round = 0; round < 2; round++) {
                    long start = System.nanoTime();
                    List<Postings.Posting> before = null;
                    for (int i = 0; i < lookups; i++) {
                        List<Postings.Posting> all = postings.find(7, 0, now);
                        before = all.subList(Math.max(0, all.size() - LIMIT), all.size());
                    }
                    double whole = (System.nanoTime() - start) / 1e3 / lookups;
                    start = System.nanoTime();
                    List<Postings.Posting> after = null;
                    for (int i = 0; i < lookups; i++) {
                        after = postings.latest(7, 0, now, LIMIT);
                    }
                    double latest = (System.nanoTime() - start) / 1e3 / lookups;
                    System.out.printf("%,7d postings under the key, round %d: whole range and its tail %,10.1f µs, "
                            + "the latest %d %,8.1f µs per lookup (%.1f× faster; same postings: %b)%n", filed, round,
                            whole, LIMIT, latest, whole / latest, before.equals(after));
                }
            }
        }
    }

    private static TopologyTestDriver driver() {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, Duration.ofDays(14),
                Duration.ofMillis(1), true), Serdes.Long(), Serdes.Long()), "holds-the-store");
        Properties props = new Properties();
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PostingsRocksDBConfig.class);
        return new TopologyTestDriver(topology, props);
    }
}
