package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WindowFrequenciesTest {

    private static final Duration RETENTION = Duration.ofDays(14);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private TopologyTestDriver driver;
    private WindowStore<Long, byte[]> termSets;
    private WindowStore<Long, byte[]> epochCounts;
    private WindowStore<Long, byte[]> fingerprintSets;
    private static final Duration STORY_WINDOW = Duration.ofDays(4);

    /** Stores built as the topology builds them, reached through a test driver (stores need a task to live in). */
    @BeforeEach
    void setUp() {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("holds-the-store", Holder::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("t",
                TriageProcessor.oneEpoch(RETENTION), Duration.ofMillis(1), true), Serdes.Long(), Serdes.ByteArray()),
                "holds-the-store");
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("c",
                TriageProcessor.twoEpochs(RETENTION), Duration.ofMillis(1), true), Serdes.Long(), Serdes.ByteArray()),
                "holds-the-store");
        Duration window = TriageProcessor.twoEpochs(STORY_WINDOW);
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("p", window,
                Duration.ofMillis(1), true), Serdes.Long(), Serdes.ByteArray()), "holds-the-store");
        driver = new TopologyTestDriver(topology);
        termSets = driver.getWindowStore("t");
        epochCounts = driver.getWindowStore("c");
        fingerprintSets = driver.getWindowStore("p");
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

    private final List<String> problems = new ArrayList<>();

    /** Frequencies over the test's stores, as a task that starts now builds them. */
    private WindowFrequencies frequencies() {
        return new WindowFrequencies(EpochLog.of(termSets), EpochLog.of(epochCounts), RETENTION,
                new EpochMarkers(EpochLog.of(fingerprintSets), STORY_WINDOW, this::problem), this::problem);
    }

    private void problem(String what, String where, String reason) {
        problems.add(what + " " + where + ": " + reason);
    }

    /** The fingerprint-set entries filed under {@code epoch}, decoded. */
    private List<List<Long>> fingerprintEntries(long epoch) {
        List<List<Long>> entries = new ArrayList<>();
        try (WindowStoreIterator<byte[]> it = fingerprintSets.fetch(epoch, 0, Long.MAX_VALUE)) {
            it.forEachRemaining(kv -> entries.add(java.util.Arrays.stream(FingerprintSets.decode(kv.value)).boxed()
                    .toList()));
        }
        return entries;
    }

    /** The entries of {@code store} filed under {@code epoch}. */
    private static List<byte[]> entries(WindowStore<Long, byte[]> store, long epoch) {
        List<byte[]> entries = new ArrayList<>();
        try (WindowStoreIterator<byte[]> it = store.fetch(epoch, 0, Long.MAX_VALUE)) {
            it.forEachRemaining(kv -> entries.add(kv.value));
        }
        return entries;
    }

    /** Keys whose terms (upper halves) differ. */
    private static long key(int n) {
        return ((long) n << 32) | 0x5A5AL;
    }

    @Test
    void countsAddUpWithinAnEpochAndCarryIntoTheNext() {
        WindowFrequencies f = frequencies();
        assertArrayEquals(new long[] {1, 1}, f.add(new long[] {key(10), key(20)}, DAY));
        assertArrayEquals(new long[] {2}, f.add(new long[] {key(10)}, 2 * DAY));
        assertArrayEquals(new long[] {3}, f.add(new long[] {key(10)}, 8 * DAY), "the previous epoch still counts");
        assertEquals(3, f.documents());
    }

    @Test
    void whatIsOlderThanTwoEpochsIsForgotten() {
        WindowFrequencies f = frequencies();
        f.add(new long[] {key(10)}, DAY);
        assertArrayEquals(new long[] {1}, f.add(new long[] {key(10)}, 15 * DAY), "14 days on: a new count");
        assertEquals(1, f.documents());
    }

    @Test
    void aStartingTaskRebuildsTheCountsOfBothEpochsFromTheTermSets() {
        WindowFrequencies before = frequencies();
        before.add(new long[] {key(10), key(20)}, DAY);
        before.add(new long[] {key(10)}, 8 * DAY);
        WindowFrequencies again = frequencies();
        assertArrayEquals(new long[] {3, 2, 1}, again.add(new long[] {key(10), key(20), key(30)}, 9 * DAY),
                "both epochs read back, and the new article counted");
        assertEquals(3, again.documents());
    }

    @Test
    void aClosedEpochIsRebuiltFromItsCountsOnceItsTermSetsAreGone() {
        WindowFrequencies f = frequencies();
        f.add(new long[] {key(10), key(20)}, DAY);
        f.add(new long[] {key(10)}, 2 * DAY);
        f.add(new long[] {key(30)}, 8 * DAY); // epoch 0 closes: its counts are kept
        f.add(new long[] {key(30)}, 13 * DAY); // the term sets' store, kept one epoch, lets epoch 0's go
        assertEquals(List.of(), entries(termSets, 0), "epoch 0's term sets expired");
        assertEquals(1, entries(epochCounts, 0).size());
        assertArrayEquals(new long[] {3, 2, 3}, frequencies().add(new long[] {key(10), key(20), key(30)}, 13 * DAY + 1),
                "a starting task counts epoch 0 from its counts, epoch 1 from its term sets");
        WindowFrequencies again = frequencies();
        again.add(new long[0], 13 * DAY + 2);
        assertEquals(6, again.documents(), "two in epoch 0, from its counts; four in epoch 1");
        assertEquals(List.of(), problems);
    }

    @Test
    void aClosedEpochWithoutCountsIsCountedFromItsTermSetsAndItsCountsKeptThen() {
        frequencies().add(new long[] {key(10)}, DAY);
        frequencies().add(new long[] {key(10), key(20)}, 2 * DAY); // no task saw epoch 0 close
        assertArrayEquals(new long[] {3, 2}, frequencies().add(new long[] {key(10), key(20)}, 8 * DAY));
        assertEquals(1, entries(epochCounts, 0).size(), "the counts written when the epoch was first read back");
        EpochCounts.Chunk chunk = EpochCounts.decode(entries(epochCounts, 0).get(0));
        assertEquals(2, chunk.documents());
        assertArrayEquals(new int[] {10, 20}, chunk.terms());
        assertArrayEquals(new int[] {2, 1}, chunk.counts());
        assertArrayEquals(new long[] {4}, frequencies().add(new long[] {key(10)}, 9 * DAY),
                "read back from the counts, not counted twice");
    }

    @Test
    void epochCountsRoundTripInChunksAndBytesTheyCannotHaveWrittenAreRefused() {
        com.carrotsearch.hppc.IntIntHashMap counts = new com.carrotsearch.hppc.IntIntHashMap();
        int terms = 2 * EpochCounts.TERMS_PER_CHUNK + 1;
        for (int i = 0; i < terms; i++) {
            counts.put(i * 40_503 - 7, 1 + i % 1000); // spread over the unsigned range, negatives included
        }
        List<byte[]> chunks = EpochCounts.encode(counts, 9_999);
        assertEquals(3, chunks.size());
        com.carrotsearch.hppc.IntIntHashMap read = new com.carrotsearch.hppc.IntIntHashMap();
        long documents = 0;
        long before = -1;
        for (byte[] bytes : chunks) {
            EpochCounts.Chunk chunk = EpochCounts.decode(bytes);
            documents += chunk.documents();
            for (int i = 0; i < chunk.terms().length; i++) {
                long unsigned = Integer.toUnsignedLong(chunk.terms()[i]);
                assertTrue(unsigned > before, "sorted as unsigned numbers across chunks");
                before = unsigned;
                read.put(chunk.terms()[i], chunk.counts()[i]);
            }
        }
        assertEquals(9_999, documents, "the articles counted once, in the first chunk");
        assertEquals(counts, read);
        assertEquals(List.of(), EpochCounts.encode(new com.carrotsearch.hppc.IntIntHashMap(), 0), "an empty epoch");
        assertEquals(4, EpochCounts.decode(EpochCounts.encode(new com.carrotsearch.hppc.IntIntHashMap(), 4).get(0))
                .documents(), "articles without terms still count");
        assertThrows(IllegalArgumentException.class, () -> EpochCounts.decode(new byte[0]), "empty");
        assertThrows(IllegalArgumentException.class, () -> EpochCounts.decode(new byte[] {2, 0}), "another version");
        assertThrows(IllegalArgumentException.class, () -> EpochCounts.decode(new byte[] {1, 0, 5}), "no count");
        assertThrows(IllegalArgumentException.class, () -> EpochCounts.decode(new byte[] {1, 0, 5, 0}), "count 0");
        assertThrows(IllegalArgumentException.class, () -> EpochCounts.decode(new byte[] {1, 0, 5, 1, 0, 1}),
                "repeated");
        assertThrows(IllegalArgumentException.class, () -> EpochCounts.decode(new byte[] {1, 0, -1, -1, -1, -1, 0x7F,
                1}), "beyond 32 bits");
    }

    @Test
    void anEpochCountsChunkTheRebuildCannotReadIsSkippedAndReported() {
        WindowFrequencies f = frequencies();
        f.add(new long[] {key(10)}, DAY);
        f.add(new long[] {key(10)}, 8 * DAY);
        epochCounts.put(0L, new byte[] {1, 0, (byte) 0x80}, 0);
        assertArrayEquals(new long[] {3}, frequencies().add(new long[] {key(10)}, 8 * DAY + 1),
                "the readable chunk counts");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("epoch-counts filed at 1970-01-01T00:00:00Z: epoch counts cut"),
                problems.get(0));
    }

    @Test
    void anArticleAtTheLastMillisecondOfAnEpochIsRebuiltIntoThatEpoch() {
        frequencies().add(new long[] {key(10)}, 7 * DAY - 1);
        assertArrayEquals(new long[] {2}, frequencies().add(new long[] {key(10)}, 7 * DAY - 1));
        assertArrayEquals(new long[] {3}, frequencies().add(new long[] {key(10)}, 8 * DAY),
                "and read back as the next epoch's previous one");
    }

    @Test
    void anArticleIsOneTermSetEntryWhateverItsNumberOfTerms() {
        long[] keys = new long[300];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(i * 7919);
        }
        frequencies().add(keys, DAY);
        List<byte[]> entries = new ArrayList<>();
        try (WindowStoreIterator<byte[]> it = termSets.fetch(0L, 0L, 7 * DAY)) {
            it.forEachRemaining(kv -> entries.add(kv.value));
        }
        assertEquals(1, entries.size());
        assertArrayEquals(TermSets.of(keys), TermSets.decode(entries.get(0)));
        assertTrue(entries.get(0).length < 3 * keys.length, entries.get(0).length + " bytes for 300 terms");
    }

    @Test
    void anArticleWithoutTermsCountsAsADocumentAfterARestartToo() {
        frequencies().add(new long[0], DAY);
        WindowFrequencies again = frequencies();
        again.add(new long[0], DAY + 1);
        assertEquals(2, again.documents());
    }

    @Test
    void aTermSetTheRebuildCannotReadIsSkippedAndReported() {
        frequencies().add(new long[] {key(10)}, DAY);
        termSets.put(0L, new byte[] {1, (byte) 0x80}, DAY + 1);
        assertArrayEquals(new long[] {2}, frequencies().add(new long[] {key(10)}, DAY + 2), "the readable one counts");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("term-set filed at 1970-01-02T00:00:00.001Z: a term set cut"),
                problems.get(0));
    }

    @Test
    void keysSharingTheirUpperHalfAreOneTermCountedOncePerArticle() {
        WindowFrequencies f = frequencies();
        assertArrayEquals(new long[] {1, 1}, f.add(new long[] {(7L << 32) | 1, (7L << 32) | 2}, DAY));
        assertArrayEquals(new long[] {2}, f.add(new long[] {(7L << 32) | 3}, DAY), "one term, two articles");
    }

    @Test
    void termSetsRoundTripAndBytesItCannotHaveWrittenAreRefused() {
        int[] terms = TermSets.of(new long[] {-1L, 0L, 5L << 32, Long.MIN_VALUE, 5L << 32 | 9});
        assertArrayEquals(new int[] {0, 5, Integer.MIN_VALUE, -1}, terms, "distinct, sorted as unsigned numbers");
        assertArrayEquals(terms, TermSets.decode(TermSets.encode(terms)));
        assertArrayEquals(new int[0], TermSets.decode(TermSets.encode(new int[0])));
        assertThrows(IllegalArgumentException.class, () -> TermSets.decode(new byte[0]), "empty");
        assertThrows(IllegalArgumentException.class, () -> TermSets.decode(new byte[] {2, 5}), "another version");
        assertThrows(IllegalArgumentException.class, () -> TermSets.decode(new byte[] {1, (byte) 0x80}), "cut");
        assertThrows(IllegalArgumentException.class, () -> TermSets.decode(new byte[] {1, -1, -1, -1, -1, 0x7F}),
                "beyond 32 bits");
        assertThrows(IllegalArgumentException.class, () -> TermSets.decode(new byte[] {1, -1, -1, -1, -1, -1, 1}),
                "overlong");
        assertThrows(IllegalArgumentException.class, () -> TermSets.decode(new byte[] {1, 5, 0}), "repeated");
    }

    @Test
    void fingerprintsAreKnownAcrossEpochsAndRestartsWithoutCountingAnArticle() {
        WindowFrequencies f = frequencies();
        f.add(new long[] {key(10)}, DAY);
        assertArrayEquals(new boolean[] {false, false}, f.seenBefore(new long[] {77, 88}, DAY));
        assertArrayEquals(new boolean[] {true, false}, f.seenBefore(new long[] {77, 99}, 2 * DAY));
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {88}, 3 * DAY), "the previous epoch counts");
        assertEquals(1, f.documents());
        assertArrayEquals(new boolean[] {true}, frequencies().seenBefore(new long[] {99}, 3 * DAY + 1),
                "a restarted task reads them back");
    }

    @Test
    void aFingerprintSeenInEveryEpochIsNeverForgotten() {
        WindowFrequencies f = frequencies();
        f.seenBefore(new long[] {55}, DAY);
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {55}, 3 * DAY), "from the epoch before");
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {55}, 5 * DAY),
                "filed again in the second epoch when found in the first, so the third still knows it");
    }

    @Test
    void fingerprintsAreForgottenAfterTheStoryWindowWhileCountsStay() {
        WindowFrequencies f = frequencies();
        f.add(new long[] {key(10)}, DAY);
        assertArrayEquals(new boolean[] {false, false}, f.seenBefore(new long[] {77, 88}, DAY));
        assertArrayEquals(new boolean[] {true}, f.seenBefore(new long[] {77}, 3 * DAY), "the previous two-day epoch");
        assertArrayEquals(new boolean[] {false}, f.seenBefore(new long[] {88}, 5 * DAY), "four days on: forgotten");
        assertArrayEquals(new long[] {2}, f.add(new long[] {key(10)}, 5 * DAY),
                "the counts are kept for the retention");
    }

    @Test
    void anArticleFilesOnlyTheFingerprintsNewToTheEpochInOneEntryAndNoneWhenAllAreKnown() {
        WindowFrequencies f = frequencies();
        f.seenBefore(new long[] {77, 88}, DAY);
        f.seenBefore(new long[] {77, 99, 11}, DAY + 1);
        f.seenBefore(new long[] {88, 99}, DAY + 2);
        assertEquals(List.of(List.of(77L, 88L), List.of(99L, 11L)), fingerprintEntries(0));
        f.seenBefore(new long[] {77}, 2 * DAY);
        assertEquals(List.of(List.of(77L)), fingerprintEntries(2 * DAY),
                "known only from the epoch before: filed again in this one");
    }

    @Test
    void aStartingTaskRebuildsTheFingerprintsOfBothEpochsAndForgetsOlderOnes() {
        WindowFrequencies f = frequencies();
        f.seenBefore(new long[] {55}, 0);
        f.seenBefore(new long[] {66}, 2 * DAY);
        f.seenBefore(new long[] {77}, 4 * DAY);
        assertArrayEquals(new boolean[] {false, true, true}, frequencies().seenBefore(new long[] {55, 66, 77},
                5 * DAY), "55's epoch is two epochs back; 66's and 77's are rebuilt");
        assertEquals(List.of(), problems);
    }

    @Test
    void aFingerprintSeenWhileTheClockRanBackIsFiledInItsEpochAndRebuilt() {
        WindowFrequencies f = frequencies();
        f.seenBefore(new long[] {55}, 2 * DAY + 5);
        f.seenBefore(new long[] {66}, DAY); // behind the epoch triage is in: counted there
        assertArrayEquals(new boolean[] {true}, frequencies().seenBefore(new long[] {66}, 2 * DAY + 10));
    }

    @Test
    void aFingerprintSetTheRebuildCannotReadIsSkippedAndReported() {
        frequencies().seenBefore(new long[] {55}, DAY);
        fingerprintSets.put(0L, new byte[] {1, 2, 3}, DAY + 1);
        fingerprintSets.put(0L, new byte[] {9}, DAY + 2);
        assertArrayEquals(new boolean[] {true}, frequencies().seenBefore(new long[] {55}, DAY + 3),
                "the readable one counts");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("fingerprint-set filed at 1970-01-02T00:00:00.001Z: a fingerprint set "
                + "of 3 bytes is cut"), problems.get(0));
        assertTrue(problems.get(1).contains("encoding version 9"), problems.get(1));
    }

    @Test
    void fingerprintSetsRoundTrip() {
        long[] fingerprints = {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE};
        assertArrayEquals(fingerprints, FingerprintSets.decode(FingerprintSets.encode(fingerprints, 5)));
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1}, FingerprintSets.decode(FingerprintSets.encode(
                fingerprints, 2)), "the first count of them");
        assertThrows(IllegalArgumentException.class, () -> FingerprintSets.decode(new byte[0]), "empty");
    }

    @Test
    void inMemoryStorageCountsAndForgetsAsTheStoresDo() {
        TriageStorage memory = TriageStorage.inMemory(RETENTION, STORY_WINDOW);
        memory.frequencies().add(new long[] {key(10)}, DAY);
        assertArrayEquals(new long[] {2}, memory.frequencies().add(new long[] {key(10)}, 8 * DAY));
        assertArrayEquals(new long[] {1}, memory.frequencies().add(new long[] {key(10)}, 22 * DAY));
        assertArrayEquals(new boolean[] {false}, memory.frequencies().seenBefore(new long[] {77}, DAY));
        assertArrayEquals(new boolean[] {true}, memory.frequencies().seenBefore(new long[] {77}, 2 * DAY));
    }
}
