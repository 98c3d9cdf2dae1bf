package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.processing.PostingsRocksDBConfig;
import dev.wirewatch.processing.ProcessingTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postings over a window store as the topology builds it (retaining duplicates) — with Streams' default RocksDB
 * settings and with processing's ({@link PostingsRocksDBConfig}: the key's 8 bytes as RocksDB's prefix) — and in
 * memory. Keys are filed beside their neighbours, so a read that strays past its key's range would show.
 */
class PostingsTest {

    private static final long KEY = 42;
    private TopologyTestDriver driver;
    @TempDir
    Path stateDir;
    /** Writes the store's memtable to a file, so that reads go through the files' filters too. */
    private Runnable flush = () -> { };

    /** Does nothing: only gives the store a task. */
    private static final class Holder implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    /** The band postings' store in a driver, with processing's RocksDB settings or Streams' defaults. */
    private Postings store(boolean processingSettings) {
        String name = ProcessingTopology.TRIAGE_STORES.bands();
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(name, Duration.ofDays(14),
                Duration.ofMillis(1), true), Serdes.Long(), Serdes.Long()), "holds-the-store");
        Properties props = new Properties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        if (processingSettings) {
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PostingsRocksDBConfig.class);
        }
        driver = new TopologyTestDriver(topology, props);
        WindowStore<Long, Long> keys = driver.getWindowStore(name);
        flush = keys::flush;
        return StoreTriageStorage.postings(keys);
    }

    /**
     * Six postings under {@link #KEY} (three at one millisecond), and its neighbours' on either side; the first
     * half written to a file before the rest is filed.
     */
    private void file(Postings postings) {
        postings.add(KEY - 1, 90, 15);
        postings.add(KEY - 1, 91, 50);
        long[] times = {10, 20, 20, 20, 30, 40};
        for (int i = 0; i < times.length; i++) {
            postings.add(KEY, i + 1, times[i]);
            if (i == 2) {
                flush.run();
            }
        }
        postings.add(KEY + 1, 98, 5); // in time order, as triage files them
        postings.add(KEY + 1, 99, 25);
        postings.add(Long.MIN_VALUE | KEY, 97, 25); // the same low bytes with the sign bit set
    }

    private static List<Postings.Posting> postings(long... handleAndTime) {
        Postings.Posting[] out = new Postings.Posting[handleAndTime.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Postings.Posting(handleAndTime[2 * i], handleAndTime[2 * i + 1]);
        }
        return List.of(out);
    }

    private void theLatestAreTheNewestPostingsOfTheRangeOldestFirst(Postings postings) {
        file(postings);
        assertEquals(postings(3, 20, 4, 20, 5, 30), postings.latest(KEY, 15, 35, 3));
        assertEquals(postings(4, 20, 5, 30, 6, 40), postings.latest(KEY, 0, 100, 3));
        List<Postings.Posting> all = postings.find(KEY, 15, 35);
        assertEquals(postings(2, 20, 3, 20, 4, 20, 5, 30), all);
        assertEquals(all, postings.latest(KEY, 15, 35, 50), "a limit above the range's size returns it all");
        assertEquals(postings(1, 10, 2, 20, 3, 20, 4, 20, 5, 30, 6, 40), postings.find(KEY, 0, 100));
        assertEquals(List.of(), postings.latest(KEY, 41, 100, 3));
        assertEquals(List.of(), postings.find(KEY, 41, 100));
        assertEquals(postings(98, 5, 99, 25), postings.latest(KEY + 1, 0, 100, 3));
        assertEquals(postings(90, 15, 91, 50), postings.find(KEY - 1, 0, 100));
        assertEquals(postings(97, 25), postings.find(Long.MIN_VALUE | KEY, 0, 100));
        assertEquals(List.of(), postings.find(KEY + 2, 0, 100), "a key never filed");
    }

    @Test
    void inAStoreWithStreamsDefaults() throws IOException {
        theLatestAreTheNewestPostingsOfTheRangeOldestFirst(store(false));
        assertFalse(optionsSay("prefix_extractor=rocksdb.FixedPrefix.8"));
    }

    @Test
    void inAStoreWithProcessingsRocksDBSettings() throws IOException {
        theLatestAreTheNewestPostingsOfTheRangeOldestFirst(store(true));
        assertTrue(optionsSay("prefix_extractor=rocksdb.FixedPrefix.8"), "the store's RocksDB took the prefix");
    }

    /** Whether an OPTIONS file RocksDB wrote for the band postings' segments has {@code line}. */
    private boolean optionsSay(String line) throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-")
                    && f.toString().contains(ProcessingTopology.TRIAGE_STORES.bands())).toList()) {
                if (Files.readAllLines(f).stream().anyMatch(l -> l.strip().equals(line))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void inMemory() {
        theLatestAreTheNewestPostingsOfTheRangeOldestFirst(Postings.inMemory());
    }

    @Test
    void onlyThePostingStoresAndTheirSegmentsGetThePrefix() {
        assertEquals(true, PostingsRocksDBConfig.isPostings("triage-band-buckets"));
        assertEquals(true, PostingsRocksDBConfig.isPostings("triage-band-buckets.1764547200000"));
        assertEquals(false, PostingsRocksDBConfig.isPostings("triage-articles.1764547200000"));
        assertEquals(false, PostingsRocksDBConfig.isPostings("triage-band-buckets-other"));
    }
}
