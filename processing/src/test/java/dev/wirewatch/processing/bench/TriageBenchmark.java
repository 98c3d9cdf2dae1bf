package dev.wirewatch.processing.bench;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongHashSet;
import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.ContentHash;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.ProcessingMetrics;
import dev.wirewatch.processing.PostingsRocksDBConfig;
import dev.wirewatch.processing.ProcessingTopology;
import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.story.StoryMethod;
import dev.wirewatch.processing.story.StoryMethods;
import dev.wirewatch.processing.triage.FeatureExtractor;
import dev.wirewatch.processing.triage.Postings;
import dev.wirewatch.processing.triage.Retained;
import dev.wirewatch.processing.triage.RetainedSerde;
import dev.wirewatch.processing.triage.Triage;
import dev.wirewatch.processing.triage.TriageBenchmarks;
import dev.wirewatch.processing.triage.TriageItem;
import dev.wirewatch.processing.triage.TriageOutcome;
import dev.wirewatch.processing.triage.TriageProcessor;
import dev.wirewatch.processing.triage.TriageSettings;
import dev.wirewatch.processing.triage.TriageStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The single writer's ceiling: articles per second through {@link Triage} with {@code triage.retained} (default
 * 100,000) articles retained, against the same triage holding 2,000–4,000 in the same run, and the bytes of state
 * each retained article costs. Storage {@code -Dtriage.storage=memory} (default; maps), {@code rocksdb} (the
 * window stores' layout on one tuned RocksDB) or {@code streams} (the topology's own stores as they ship: Streams'
 * segmented RocksDB window stores with their changelogs and processing's RocksDB settings, in a test driver;
 * {@code -Dtriage.streamsDefaults=true} for Streams' own RocksDB settings). Features are computed before the timed call, as the parallel step does.
 * Synthetic articles: 300 words drawn from a Zipf vocabulary of 1,000,000, one in ten a lightly edited copy of a
 * recent one, one per second of triage time ({@code -Dtriage.articleSeconds=N} for one every N seconds: with 6,
 * 200,000 articles fill the 14-day retention, which shows the state of a full one). Prints figures; asserts
 * nothing.
 */
@Tag("benchmark")
class TriageBenchmark {

    private static final int MEASURED = 2_000;
    /** A window-store key: the key, an 8-byte timestamp and (for postings, which keep duplicates) a 4-byte sequence. */
    private static final int WINDOW_KEY = 8 + 8;
    private static final int SEQUENCE = 4;

    /** The fingerprints' epochs: half the (default) story window the run uses. */
    private static final long FINGERPRINT_EPOCH_MILLIS = TriageSettings.defaults().storyWindow().toMillis() / 2;
    /** The term sets' epochs: half the (default) retention. */
    private static final long TERM_EPOCH_MILLIS = TriageSettings.defaults().retention().toMillis() / 2;

    /** What the storage was asked to hold, in the stores' encodings, and what triage looked up. */
    private static final class Counts {
        long articleBytes;
        long postingBytes;
        /** Story-key postings filed: a store's entries, or in the topology's storage entries in memory. */
        long keyPostings;
        long bandHits;
        long keyHits;
        long loads;
        /** Per epoch of the term sets, their bytes; only the latest epoch's are kept. */
        final TreeMap<Long, Long> termSetBytes = new TreeMap<>();
        /** Per epoch of the term sets, each term's count and the articles counted: what a closed epoch keeps. */
        final TreeMap<Long, IntIntHashMap> termCounts = new TreeMap<>();
        final TreeMap<Long, Long> termDocuments = new TreeMap<>();
        /** Per epoch of the fingerprint sets, the fingerprints filed in it; the latest two are kept. */
        final TreeMap<Long, LongHashSet> fingerprintKeys = new TreeMap<>();
        /** Per epoch of the fingerprint sets, its entries: articles with a fingerprint new to the epoch. */
        final TreeMap<Long, Long> fingerprintEntries = new TreeMap<>();
    }

    @Test
    void triageRateWithManyRetainedArticlesAgainstAFewThousand() throws Exception {
        int retained = Integer.getInteger("triage.retained", 100_000);
        long articleMillis = 1000L * Integer.getInteger("triage.articleSeconds", 1);
        String storageKind = System.getProperty("triage.storage", "memory");
        ProcessingSettings processing = ProcessingSettings.defaults();
        TriageSettings settings = TriageSettings.from(processing);
        Path dir = Files.createTempDirectory("triage-bench");
        RocksTriageStorage rocks = storageKind.equals("rocksdb")
                ? new RocksTriageStorage(dir, settings.retention(), settings.storyWindow()) : null;
        TopologyTestDriver driver = storageKind.equals("streams") ? topologyDriver(processing, dir) : null;
        Counts counts = new Counts();
        StoryMethod<?, ?> method = StoryMethods.standard(processing);
        TriageStorage storage = counted(rocks != null ? rocks.storage() : driver != null
                ? TriageBenchmarks.topologyStores(driver, settings, method) : TriageStorage.inMemory(), counts);
        Triage<?, ?> triage = Triage.of(settings, method, storage,
                Triage.Problems.NONE);
        FeatureExtractor features = new FeatureExtractor(settings.duplicates(), method);

        Random random = new Random(7);
        String[] vocabulary = new String[1_000_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i, 36) + (char) ('a' + random.nextInt(26));
        }
        double[] zipf = zipf(vocabulary.length);
        List<String> recent = new ArrayList<>();
        long baselineNanos = 0;
        long loadedNanos = 0;
        long blockNanos = 0;
        int copies = 0;
        long begun = System.nanoTime();
        for (int i = 0; i < retained + MEASURED; i++) {
            String text;
            if (i % 10 == 9 && !recent.isEmpty()) {
                text = edit(recent.get(random.nextInt(recent.size())), random);
            } else {
                text = text(vocabulary, zipf, random);
                recent.add(text);
                if (recent.size() > 200) {
                    recent.remove(0);
                }
            }
            String id = String.format("%032x", i);
            TriageItem item = new TriageItem(TriageItem.SCHEMA_VERSION, id, "https://bench.example/" + id, null,
                    "bench", null, features.features(ContentHash.of(text), null, text), List.of());
            if (i == retained) {
                counts.loads = 0;
                counts.bandHits = 0;
                counts.keyHits = 0;
            }
            long start = System.nanoTime();
            TriageOutcome outcome = triage.decide(item, i * articleMillis);
            long took = System.nanoTime() - start;
            blockNanos += took;
            if (outcome.decision().isCopy()) {
                copies++;
            }
            if (i >= MEASURED && i < 2 * MEASURED) {
                baselineNanos += took;
            } else if (i >= retained) {
                loadedNanos += took;
            }
            if (i % 100_000 == 99_999) {
                System.out.printf("  %,d articles in %.0f s (features included); triage of the last 100,000: "
                        + "%,.0f articles/s%n", i + 1, (System.nanoTime() - begun) / 1e9, 100_000 / (blockNanos / 1e9));
                blockNanos = 0;
            }
            if (i == retained - 1) {
                report(counts, retained, rocks == null ? -1 : rocks.bytesOnDisk(), driver != null);
                if (driver != null) {
                    reportStores(driver);
                }
            }
        }
        double baseline = MEASURED / (baselineNanos / 1e9);
        double loaded = MEASURED / (loadedNanos / 1e9);
        System.out.printf("candidates per article: band postings %.1f, story-key postings %.1f, articles loaded "
                + "%.1f%n", (double) counts.bandHits / MEASURED, (double) counts.keyHits / MEASURED,
                (double) counts.loads / MEASURED);
        System.out.printf("triage (%s): %,d retained: %,.0f articles/s; baseline (2,000–4,000 retained): %,.0f "
                        + "articles/s; ratio %.2f; copies found %,d%n", storageKind, retained, loaded, baseline,
                loaded / baseline, copies);
        if (rocks != null) {
            rocks.close();
        }
        if (driver != null) {
            // What a task that starts does before its first story decision: the story keys' postings rebuilt from
            // the retained articles (the frequencies and fingerprints rebuild on their own first use).
            long now = (retained + MEASURED - 1) * articleMillis;
            long rebuildStart = System.nanoTime();
            int found = TriageBenchmarks.topologyStores(driver, settings, method).storyKeys()
                    .latest(0, now - settings.storyWindow().toMillis(), now, 1).size();
            System.out.printf("a starting task's story-key rebuild: %,d ms (%d found)%n",
                    (System.nanoTime() - rebuildStart) / 1_000_000, found);
            TriageStorage restarted = TriageBenchmarks.topologyStores(driver, settings, method);
            rebuildStart = System.nanoTime();
            restarted.frequencies().add(new long[0], now);
            System.out.printf("a starting task's document-frequency rebuild (the previous epoch from its counts, the "
                    + "current one from its term sets): %,d ms for %,d articles%n",
                    (System.nanoTime() - rebuildStart) / 1_000_000, restarted.frequencies().documents() - 1);
            driver.close();
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The processing topology in a test driver, its state in {@code dir}: triage's own stores, as they ship. */
    private static TopologyTestDriver topologyDriver(ProcessingSettings processing, Path dir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "triage-benchmark");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        if (!Boolean.getBoolean("triage.streamsDefaults")) { // as processing configures them, unless asked not to
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PostingsRocksDBConfig.class);
        }
        return new TopologyTestDriver(ProcessingTopology.build(Topics.standard(), processing,
                new ProcessingMetrics(new SimpleMeterRegistry())), props);
    }

    /** Bytes of a story-key posting: a store entry's, or one in {@code RecentPostings}' memory (handle, time). */
    private static long keyPostingBytes(boolean inMemory) {
        return inMemory ? 2 * Long.BYTES : WINDOW_KEY + SEQUENCE + Long.BYTES;
    }

    private static void report(Counts c, int retained, long bytesOnDisk, boolean storyKeysInMemory) {
        long fingerprintBytes = c.fingerprintKeys.descendingMap().values().stream().limit(2)
                .mapToLong(LongHashSet::size).sum() * Long.BYTES + c.fingerprintEntries.descendingMap().values()
                .stream().limit(2).mapToLong(Long::longValue).sum() * (WINDOW_KEY + SEQUENCE + 1);
        long termSetBytes = c.termSetBytes.isEmpty() ? 0 : c.termSetBytes.lastEntry().getValue();
        long epochCountBytes = 0;
        if (c.termCounts.size() > 1) { // the epoch before the current one, closed: its counts are kept
            long closed = c.termCounts.lastKey() - 1;
            IntIntHashMap counts = c.termCounts.get(closed);
            if (counts != null) {
                epochCountBytes = TriageBenchmarks.epochCountBytes(counts, c.termDocuments.get(closed),
                        WINDOW_KEY + SEQUENCE);
            }
        }
        long frequencyBytes = termSetBytes + epochCountBytes + fingerprintBytes;
        long keyBytes = c.keyPostings * keyPostingBytes(storyKeysInMemory);
        long stored = c.articleBytes + c.postingBytes + (storyKeysInMemory ? 0 : keyBytes) + frequencyBytes;
        System.out.printf("state per retained article (store encodings, uncompressed): article %,d B, band postings "
                        + "%,d B, story-key postings %,d B (%s), document frequencies %,d B (term sets %,d B, "
                        + "closed epoch's counts %,d B, fingerprints %,d B), total %,d B in stores%s%n",
                c.articleBytes / retained, c.postingBytes / retained, keyBytes / retained,
                storyKeysInMemory ? "in memory, 16 B a posting" : "in a store", frequencyBytes / retained,
                termSetBytes / retained, epochCountBytes / retained, fingerprintBytes / retained, stored / retained,
                storyKeysInMemory ? String.format(", %,d B with the story keys' memory", (stored + keyBytes)
                        / retained) : "");
        if (bytesOnDisk >= 0) {
            System.out.printf("state per retained article on RocksDB's disk: %,d B%n", bytesOnDisk / retained);
        }
    }

    /**
     * The bytes triage's stores hold now, read from the stores themselves (what their retention has kept; window
     * keys counted as {@link #WINDOW_KEY} and {@link #SEQUENCE} bytes), per article in {@code triage-articles}.
     */
    private static void reportStores(TopologyTestDriver driver) {
        TriageProcessor.StoreNames names = ProcessingTopology.TRIAGE_STORES;
        RetainedSerde serde = new RetainedSerde();
        long[] articles = new long[2];
        try (KeyValueIterator<Windowed<Long>, Retained> it = driver.<Long, Retained>getWindowStore(names.articles())
                .all()) {
            it.forEachRemaining(kv -> {
                articles[0]++;
                articles[1] += WINDOW_KEY + serde.serializer().serialize(null, kv.value).length;
            });
        }
        long hashes = 0;
        try (KeyValueIterator<Windowed<String>, String> it = driver.<String, String>getWindowStore(
                names.contentHashes()).all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, String> kv = it.next();
                hashes += kv.key.key().length() + 8 + kv.value.length();
            }
        }
        long bands = 0;
        try (KeyValueIterator<Windowed<Long>, Long> it = driver.<Long, Long>getWindowStore(names.bands()).all()) {
            while (it.hasNext()) {
                it.next();
                bands += WINDOW_KEY + SEQUENCE + Long.BYTES;
            }
        }
        long termSets = logBytes(driver, names.termSets());
        long epochCounts = logBytes(driver, names.epochCounts());
        long fingerprints = logBytes(driver, names.fingerprintSets());
        long n = Math.max(1, articles[0]);
        System.out.printf("read from the stores, per article of %,d in triage-articles: article %,d B, band postings "
                        + "%,d B, term sets %,d B, closed epoch's counts %,d B, fingerprint sets %,d B, content hashes "
                        + "%,d B; total %,d B%n", articles[0], articles[1] / n, bands / n, termSets / n,
                epochCounts / n, fingerprints / n, hashes / n,
                (articles[1] + bands + termSets + epochCounts + fingerprints + hashes) / n);
    }

    /** The bytes of a store of entries filed under their epoch (window key, sequence, the entry). */
    private static long logBytes(TopologyTestDriver driver, String store) {
        long bytes = 0;
        try (KeyValueIterator<Windowed<Long>, byte[]> it = driver.<Long, byte[]>getWindowStore(store).all()) {
            while (it.hasNext()) {
                bytes += WINDOW_KEY + SEQUENCE + it.next().value.length;
            }
        }
        return bytes;
    }

    /** {@code inner}, counting loads, candidates and the bytes the stores would hold. */
    private static TriageStorage counted(TriageStorage inner, Counts counts) {
        RetainedSerde serde = new RetainedSerde();
        TriageStorage.RetainedArticles articles = new TriageStorage.RetainedArticles() {
            @Override
            public Retained get(long handle, long timestamp) {
                counts.loads++;
                return inner.articles().get(handle, timestamp);
            }

            @Override
            public Retained find(String id, long from, long to) {
                return inner.articles().find(id, from, to);
            }

            @Override
            public void put(Retained article) {
                counts.articleBytes += WINDOW_KEY + serde.serializer().serialize(null, article).length;
                inner.articles().put(article);
            }
        };
        DocumentFrequencies frequencies = new DocumentFrequencies() {
            @Override
            public long[] add(long[] keys, long timestamp) {
                long epoch = timestamp / TERM_EPOCH_MILLIS;
                int[] terms = TriageBenchmarks.terms(keys);
                counts.termSetBytes.merge(epoch, (long) WINDOW_KEY + SEQUENCE + TriageBenchmarks.termSetBytes(terms),
                        Long::sum);
                IntIntHashMap epochTerms = counts.termCounts.computeIfAbsent(epoch, e -> new IntIntHashMap());
                for (int term : terms) {
                    epochTerms.addTo(term, 1);
                }
                counts.termDocuments.merge(epoch, 1L, Long::sum);
                while (counts.termCounts.size() > 2) { // older epochs are neither counted nor kept
                    counts.termCounts.pollFirstEntry();
                    counts.termDocuments.pollFirstEntry();
                }
                return inner.frequencies().add(keys, timestamp);
            }

            /** The entries the fingerprint sets would hold (fingerprints new to their epoch), for the state figure. */
            @Override
            public boolean[] seenBefore(long[] keys, long timestamp) {
                long epoch = timestamp / FINGERPRINT_EPOCH_MILLIS;
                LongHashSet filed = counts.fingerprintKeys.computeIfAbsent(epoch, e -> new LongHashSet());
                boolean fresh = false;
                for (long k : keys) {
                    fresh |= filed.add(k);
                }
                if (fresh) {
                    counts.fingerprintEntries.merge(epoch, 1L, Long::sum);
                }
                return inner.frequencies().seenBefore(keys, timestamp);
            }

            @Override
            public long documents() {
                return inner.frequencies().documents();
            }
        };
        return new TriageStorage(inner.contentHashes(), counted(inner.bands(), counts, true),
                counted(inner.storyKeys(), counts, false), articles, frequencies, inner.tallies());
    }

    private static Postings counted(Postings inner, Counts counts, boolean bands) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = inner.find(key, from, to);
                if (bands) {
                    counts.bandHits += found.size();
                } else {
                    counts.keyHits += found.size();
                }
                return found;
            }

            @Override
            public List<Posting> latest(long key, long from, long to, int limit) {
                List<Posting> found = inner.latest(key, from, to, limit);
                if (bands) {
                    counts.bandHits += found.size();
                } else {
                    counts.keyHits += found.size();
                }
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                if (bands) {
                    counts.postingBytes += WINDOW_KEY + SEQUENCE + Long.BYTES;
                } else {
                    counts.keyPostings++;
                }
                inner.add(key, handle, timestamp);
            }
        };
    }

    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static String text(String[] vocabulary, double[] zipf, Random random) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < 300; w++) {
            int at = Arrays.binarySearch(zipf, random.nextDouble());
            b.append(vocabulary[Math.min(vocabulary.length - 1, at < 0 ? -at - 1 : at)])
                    .append(w % 17 == 16 ? ". " : " ");
        }
        return b.toString();
    }

    private static String edit(String text, Random random) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length / 25; i++) {
            words[random.nextInt(words.length)] = "edit" + random.nextInt(1000);
        }
        return "Republished: " + String.join(" ", words);
    }
}
