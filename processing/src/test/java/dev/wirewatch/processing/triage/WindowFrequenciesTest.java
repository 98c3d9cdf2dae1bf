package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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

class WindowFrequenciesTest {

    private static final Duration RETENTION = Duration.ofDays(14);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private TopologyTestDriver driver;
    private WindowStore<Long, Long> store;
    private WindowStore<Long, Long> passages;
    private static final Duration STORY_WINDOW = Duration.ofDays(4);

    /** A store built as the topology builds it, reached through a test driver (stores need a task to live in). */
    @BeforeEach
    void setUp() {
        Duration kept = TriageProcessor.frequencyRetention(RETENTION);
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("f", kept, kept.dividedBy(2),
                false), Serdes.Long(), Serdes.Long()), "holds-the-store");
        Duration window = TriageProcessor.frequencyRetention(STORY_WINDOW);
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("p", window,
                window.dividedBy(2), false), Serdes.Long(), Serdes.Long()), "holds-the-store");
        driver = new TopologyTestDriver(topology);
        store = driver.getWindowStore("f");
        passages = driver.getWindowStore("p");
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

    @Test
    void countsAddUpWithinAnEpochAndCarryIntoTheNext() {
        WindowFrequencies f = new WindowFrequencies(store, RETENTION);
        assertArrayEquals(new long[] {1, 1}, f.add(new long[] {10, 20}, DAY));
        assertArrayEquals(new long[] {2}, f.add(new long[] {10}, 2 * DAY));
        assertArrayEquals(new long[] {3}, f.add(new long[] {10}, 8 * DAY), "the previous epoch still counts");
        assertEquals(3, f.documents());
    }

    @Test
    void whatIsOlderThanTwoEpochsIsForgotten() {
        WindowFrequencies f = new WindowFrequencies(store, RETENTION);
        f.add(new long[] {10}, DAY);
        assertArrayEquals(new long[] {1}, f.add(new long[] {10}, 15 * DAY), "14 days on: a new count");
        assertEquals(1, f.documents());
    }

    @Test
    void aRestartedTaskReadsTheCountsBack() {
        new WindowFrequencies(store, RETENTION).add(new long[] {10}, DAY);
        WindowFrequencies again = new WindowFrequencies(store, RETENTION);
        assertArrayEquals(new long[] {2}, again.add(new long[] {10}, DAY + 1));
    }

    @Test
    void fingerprintsAreKnownAcrossEpochsAndRestartsWithoutCountingAnArticle() {
        WindowFrequencies f = new WindowFrequencies(store, RETENTION);
        f.add(new long[] {10}, DAY);
        assertArrayEquals(new boolean[] {false, false}, f.seenBefore(new long[] {77, 88}, DAY));
        assertArrayEquals(new boolean[] {true, false}, f.seenBefore(new long[] {77, 99}, 2 * DAY));
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {88}, 8 * DAY), "the previous epoch counts");
        assertEquals(1, f.documents());
        assertEquals(1L, store.fetch(77L, 0L), "written through to the store");
        assertArrayEquals(new boolean[] {true}, new WindowFrequencies(store, RETENTION)
                .seenBefore(new long[] {88}, 8 * DAY + 1), "a restarted task reads them back");
        assertArrayEquals(new boolean[] {false}, f.seenBefore(new long[] {77}, 15 * DAY), "forgotten two epochs on");
    }

    @Test
    void aFingerprintSeenInEveryEpochIsNeverForgotten() {
        WindowFrequencies f = new WindowFrequencies(store, RETENTION);
        f.seenBefore(new long[] {55}, DAY);
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {55}, 8 * DAY), "from the epoch before");
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {55}, 15 * DAY),
                "filed again in the second epoch when found in the first, so the third still knows it");
    }

    @Test
    void fingerprintsInTheirOwnStoreAreForgottenAfterTheStoryWindowWhileCountsStay() {
        WindowFrequencies f = new WindowFrequencies(EpochCounts.of(store), RETENTION,
                new EpochMarkers(EpochCounts.of(passages), STORY_WINDOW));
        f.add(new long[] {10}, DAY);
        assertArrayEquals(new boolean[] {false, false}, f.seenBefore(new long[] {77, 88}, DAY));
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {77}, 3 * DAY), "the previous two-day epoch");
        assertArrayEquals(new boolean[] {false}, f.seenBefore(new long[] {88}, 5 * DAY), "four days on: forgotten");
        assertArrayEquals(new long[] {2}, f.add(new long[] {10}, 5 * DAY), "the counts are kept for the retention");
        assertEquals(null, store.fetch(88L, 0L), "no fingerprint among the counts");
    }
}
