package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.triage.CandidateIndex;
import dev.wirewatch.processing.triage.IndexedArticle;
import dev.wirewatch.processing.triage.IndexedArticleSerde;
import dev.wirewatch.processing.triage.Postings;
import dev.wirewatch.processing.triage.Sketch;
import dev.wirewatch.processing.triage.Sketcher;
import dev.wirewatch.processing.triage.TriageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Articles per second through one candidate-index partition with {@code triage.retained} (default 100,000)
 * articles retained (in memory; {@code -Dtriage.storage=packed}: in primitive arrays and serialized sketches, which
 * fit a million; {@code -Dtriage.storage=rocksdb}: on RocksDB), against the baseline of the
 * same partition while it holds 2,000–4,000 articles, in the same run; and the bytes of state each retained article
 * costs. Synthetic articles: 300 words drawn from a Zipf vocabulary of 1,000,000 (exponent 1), one in ten a lightly
 * edited copy of a recent one; ids of 32 hex digits, as Article's. Prints figures; asserts nothing.
 */
@Tag("benchmark")
class TriageBenchmark {

    private static final int MEASURED = 2_000;
    private static final int WINDOW_KEY_OVERHEAD = 8 + 4; // timestamp and sequence number in a window-store key

    /** What the storage was asked to do, and the bytes it would hold in the stores' encoding. */
    private static final class Counts {
        long loads;
        long bandHits;
        long termHits;
        long articleBytes;
        long postingBytes;
        final Set<String> vocabulary = new HashSet<>();
        long vocabularyBytes;
    }

    @Test
    void probeRateWithManyRetainedArticlesAgainstAnEmptyIndex() throws Exception {
        int retained = Integer.getInteger("triage.retained", 100_000);
        String storage = System.getProperty("triage.storage", "memory");
        boolean rocks = storage.equals("rocksdb");
        Path rocksDir = Files.createTempDirectory("triage-bench");
        RocksStorage rocksStorage = rocks ? new RocksStorage(rocksDir) : null;
        Counts counts = new Counts();
        CandidateIndex index = new CandidateIndex(TriageSettings.defaults(1),
                counted(rocks ? rocksStorage.storage() : storage.equals("packed")
                        ? PackedStorage.create(retained * 90, 2_000_000) // terms: at most the vocabulary
                        : CandidateIndex.inMemory(), counts));
        Sketcher sketcher = new Sketcher(NearDuplicateSettings.DEFAULTS);
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
            Sketch sketch = sketcher.sketch(String.format("%032x", i), i * 1000L, null, null, text);
            if (i < retained) {
                sketch.terms().keySet().forEach(t -> { // outside the timed probe
                    if (counts.vocabulary.add(t)) {
                        counts.vocabularyBytes += t.length();
                    }
                });
            }
            if (i == retained) {
                counts.loads = 0;
                counts.bandHits = 0;
                counts.termHits = 0;
            }
            long start = System.nanoTime();
            CandidateIndex.Probe probe = index.probeAndRetain(sketch, key -> true);
            long took = System.nanoTime() - start;
            blockNanos += took;
            if (probe.copy() != null) {
                copies++;
            }
            if (i >= MEASURED && i < 2 * MEASURED) {
                baselineNanos += took; // the index holds 2,000–4,000 articles
            } else if (i >= retained) {
                loadedNanos += took;
            }
            if (i % 100_000 == 99_999) {
                System.out.printf("  %,d articles in %.0f s (sketching included); probes of the last 100,000: "
                        + "%,.0f articles/s%n", i + 1, (System.nanoTime() - begun) / 1e9, 100_000 / (blockNanos / 1e9));
                blockNanos = 0;
            }
            if (i == retained - 1) {
                report(counts, retained, rocks ? rocksStorage.bytesOnDisk() : -1);
            }
        }
        double baseline = MEASURED / (baselineNanos / 1e9);
        double loaded = MEASURED / (loadedNanos / 1e9);
        System.out.printf("postings found per article: band buckets %.1f, term postings %.1f (before the cap)%n",
                (double) counts.bandHits / MEASURED, (double) counts.termHits / MEASURED);
        System.out.printf("triage (%s): %,d retained: %,.0f articles/s; baseline (2,000–4,000 retained): %,.0f "
                        + "articles/s; ratio %.2f; candidates loaded per article %.1f; copies found %,d%n",
                storage, retained, loaded, baseline, loaded / baseline,
                (double) counts.loads / MEASURED, copies);
        if (rocks) {
            rocksStorage.close();
        }
        try (var files = Files.walk(rocksDir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void report(Counts c, int retained, long bytesOnDisk) {
        long frequencyBytes = c.vocabularyBytes + 30L * c.vocabulary.size(); // JSON {epoch,current,previous}
        System.out.printf("triage state per retained article (one partition, store encoding, uncompressed): "
                        + "sketch %,d B, band and term postings %,d B, document frequencies %,d B, total %,d B%n",
                c.articleBytes / retained, c.postingBytes / retained, frequencyBytes / retained,
                (c.articleBytes + c.postingBytes + frequencyBytes) / retained);
        if (bytesOnDisk >= 0) {
            System.out.printf("triage state per retained article on RocksDB's disk (sketches and postings): %,d B%n",
                    bytesOnDisk / retained);
        }
    }

    /** {@code inner}, counting article loads and the bytes the stores would hold. */
    private static CandidateIndex.Storage counted(CandidateIndex.Storage inner, Counts counts) {
        IndexedArticleSerde serde = new IndexedArticleSerde();
        CandidateIndex.RetainedArticles articles = new CandidateIndex.RetainedArticles() {
            @Override
            public IndexedArticle get(long handle, long timestamp) {
                counts.loads++;
                return inner.articles().get(handle, timestamp);
            }

            @Override
            public void put(IndexedArticle article) {
                counts.articleBytes += Long.BYTES + WINDOW_KEY_OVERHEAD
                        + serde.serializer().serialize(null, article).length;
                inner.articles().put(article);
            }
        };
        return new CandidateIndex.Storage(counted(inner.bands(), counts, true), counted(inner.terms(), counts, false),
                articles, inner.frequencies());
    }

    private static Postings counted(Postings inner, Counts counts, boolean bands) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = inner.find(key, from, to);
                if (bands) {
                    counts.bandHits += found.size();
                } else {
                    counts.termHits += found.size();
                }
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                counts.postingBytes += Long.BYTES + WINDOW_KEY_OVERHEAD + Long.BYTES;
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
