package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The postings over a window store as the topology builds it (retaining duplicates), and in memory. */
class PostingsTest {

    private static final long KEY = 42;
    private TopologyTestDriver driver;
    private Postings store;

    @BeforeEach
    void setUp() {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("k", Duration.ofDays(14),
                Duration.ofMillis(1), true), Serdes.Long(), Serdes.Long()), "holds-the-store");
        driver = new TopologyTestDriver(topology);
        WindowStore<Long, Long> keys = driver.getWindowStore("k");
        store = StoreTriageStorage.postings(keys);
    }

    /** Does nothing: only gives the store a task. */
    private static final class Holder implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** Six postings under {@link #KEY} (three at one millisecond) and one under another key. */
    private static void file(Postings postings) {
        long[] times = {10, 20, 20, 20, 30, 40};
        for (int i = 0; i < times.length; i++) {
            postings.add(KEY, i + 1, times[i]);
        }
        postings.add(KEY + 1, 99, 25);
    }

    private static List<Postings.Posting> postings(long... handleAndTime) {
        Postings.Posting[] out = new Postings.Posting[handleAndTime.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Postings.Posting(handleAndTime[2 * i], handleAndTime[2 * i + 1]);
        }
        return List.of(out);
    }

    @Test
    void theLatestAreTheNewestPostingsOfTheRangeOldestFirstInFilingOrder() {
        for (Postings postings : List.of(store, Postings.inMemory())) {
            file(postings);
            assertEquals(postings(3, 20, 4, 20, 5, 30), postings.latest(KEY, 15, 35, 3));
            assertEquals(postings(4, 20, 5, 30, 6, 40), postings.latest(KEY, 0, 100, 3));
            List<Postings.Posting> all = postings.find(KEY, 15, 35);
            assertEquals(all, postings.latest(KEY, 15, 35, 50), "a limit above the range's size returns it all");
            assertEquals(all.subList(all.size() - 2, all.size()), postings.latest(KEY, 15, 35, 2));
            assertEquals(List.of(), postings.latest(KEY, 41, 100, 3));
            assertEquals(postings(99, 25), postings.latest(KEY + 1, 0, 100, 3));
        }
    }
}
