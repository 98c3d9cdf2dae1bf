package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.triage.CandidateIndex;
import dev.wirewatch.processing.triage.Bands;
import dev.wirewatch.processing.triage.IndexedArticle;
import dev.wirewatch.processing.triage.IndexedArticleSerde;
import dev.wirewatch.processing.triage.Postings;
import dev.wirewatch.processing.triage.Sketch;
import dev.wirewatch.processing.triage.Sketcher;
import dev.wirewatch.processing.triage.TriageSettings;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Articles per second through one candidate-index partition with {@code triage.retained} (default 100,000)
 * articles retained (in memory, or on RocksDB with {@code -Dtriage.storage=rocksdb}), against the baseline of the same partition nearly empty, in the same run; and the bytes of
 * state each retained article costs in the stores' own encoding (binary sketch, window-store entries). Synthetic articles: 300 words drawn from a Zipf
 * vocabulary of 50,000, one in ten a lightly edited copy of an earlier one. Prints figures; asserts nothing.
 */
@Tag("benchmark")
class TriageBenchmark {

    private static final int MEASURED = 2_000;

    @Test
    void probeRateWithManyRetainedArticlesAgainstAnEmptyIndex() throws Exception {
        int retained = Integer.getInteger("triage.retained", 100_000);
        boolean rocks = "rocksdb".equals(System.getProperty("triage.storage"));
        TriageSettings settings = TriageSettings.defaults(1);
        Sketcher sketcher = new Sketcher(NearDuplicateSettings.DEFAULTS);
        Random random = new Random(7);
        String[] vocabulary = new String[1_000_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i, 36) + (char) ('a' + random.nextInt(26));
        }
        double[] zipf = zipf(vocabulary.length);
        List<String> recent = new ArrayList<>();
        CountingStorage counting = new CountingStorage();
        Path rocksDir = Files.createTempDirectory("triage-bench");
        RocksStorage rocksStorage = rocks ? new RocksStorage(rocksDir) : null;
        long[] loads = new long[1];
        CandidateIndex.Storage chosen = rocks ? rocksStorage : counting;
        CandidateIndex index = new CandidateIndex(settings, new CandidateIndex.Storage() {
            @Override
            public Postings bands() {
                return chosen.bands();
            }

            @Override
            public Postings terms() {
                return chosen.terms();
            }

            @Override
            public IndexedArticle article(long handle, long timestamp) {
                loads[0]++;
                return chosen.article(handle, timestamp);
            }

            @Override
            public void retain(IndexedArticle article) {
                chosen.retain(article);
            }

            @Override
            public DocumentFrequencies frequencies() {
                return chosen.frequencies();
            }
        });

        long baselineNanos = 0;
        long loadedNanos = 0;
        int copies = 0;
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
            Sketch sketch = sketcher.sketch(String.format("%032x", i), i * 1000L, null, null, text); // ids as Article's
            if (i == retained) {
                loads[0] = 0;
            }
            long start = System.nanoTime();
            CandidateIndex.Probe probe = index.probeAndRetain(sketch, key -> true);
            long took = System.nanoTime() - start;
            if (probe.copy() != null) {
                copies++;
            }
            if (i >= MEASURED && i < 2 * MEASURED) {
                baselineNanos += took; // the index holds 2,000–4,000 articles
            } else if (i >= retained) {
                loadedNanos += took;
            }
            if (i == retained - 1) {
                if (rocks) {
                    System.out.printf("triage state per retained article on RocksDB (uncompressed, as Streams "
                            + "configures it; document frequencies in memory): %,d B%n",
                            rocksStorage.bytesOnDisk() / retained);
                } else {
                    counting.report(retained);
                }
            }
        }
        if (rocks) {
            rocksStorage.close();
        }
        try (var files = Files.walk(rocksDir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        System.out.printf("candidates loaded per article with %,d retained: %.0f%n", retained,
                (double) loads[0] / MEASURED);
        double baseline = MEASURED / (baselineNanos / 1e9);
        double loaded = MEASURED / (loadedNanos / 1e9);
        System.out.printf("triage (%s): %,d retained: %,.0f articles/s; baseline (2,000–4,000 retained): %,.0f "
                + "articles/s; ratio %.2f; copies found %,d%n", rocks ? "RocksDB" : "memory", retained, loaded, baseline, loaded / baseline, copies);
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
            int at = java.util.Arrays.binarySearch(zipf, random.nextDouble());
            b.append(vocabulary[Math.min(vocabulary.length - 1, at < 0 ? -at - 1 : at)]).append(w % 17 == 16 ? ". " : " ");
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

    /** In-memory storage that also totals what the window and key-value stores would hold, in their encoding. */
    private static final class CountingStorage implements CandidateIndex.Storage {
        private static final int WINDOW_KEY_OVERHEAD = 8 + 4; // timestamp and sequence number in the store key
        private final IndexedArticleSerde serde = new IndexedArticleSerde();
        private final Map<Long, IndexedArticle> articles = new HashMap<>();
        private final DocumentFrequencies frequencies = DocumentFrequencies.inMemory();
        private final Map<String, Integer> terms = new HashMap<>();
        private long articleBytes;
        private long postingBytes;
        private final Postings bands = counted(Postings.inMemory());
        private final Postings termPostings = counted(Postings.inMemory());

        private Postings counted(Postings inner) {
            return new Postings() {
                @Override
                public List<Posting> find(long key, long from, long to) {
                    return inner.find(key, from, to);
                }

                @Override
                public void add(long key, long handle, long timestamp) {
                    postingBytes += Long.BYTES + WINDOW_KEY_OVERHEAD + Long.BYTES;
                    inner.add(key, handle, timestamp);
                }
            };
        }

        @Override
        public Postings bands() {
            return bands;
        }

        @Override
        public Postings terms() {
            return termPostings;
        }

        @Override
        public IndexedArticle article(long handle, long timestamp) {
            return articles.get(handle);
        }

        @Override
        public void retain(IndexedArticle article) {
            articleBytes += Long.BYTES + WINDOW_KEY_OVERHEAD + serde.serializer().serialize(null, article).length;
            articles.put(Bands.handle(article.id()), article);
        }

        @Override
        public DocumentFrequencies frequencies() {
            return new DocumentFrequencies() {
                @Override
                public void add(java.util.Collection<String> t, long timestamp) {
                    t.forEach(term -> terms.putIfAbsent(term, term.length()));
                    frequencies.add(t, timestamp);
                }

                @Override
                public long frequency(String term) {
                    return frequencies.frequency(term);
                }

                @Override
                public long documents() {
                    return frequencies.documents();
                }
            };
        }

        void report(int retained) {
            long frequencyBytes = terms.values().stream().mapToLong(l -> l + 30L).sum(); // JSON {epoch,current,previous}
            System.out.printf("triage state per retained article (one partition, store encoding, before RocksDB "
                            + "compression): signature+vector %,d B, postings %,d B, document frequencies %,d B, "
                            + "total %,d B%n", articleBytes / retained, postingBytes / retained,
                    frequencyBytes / retained, (articleBytes + postingBytes + frequencyBytes) / retained);
        }
    }
}
