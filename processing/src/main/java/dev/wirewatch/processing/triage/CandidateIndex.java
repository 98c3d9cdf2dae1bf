package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.CandidateVerifier;
import dev.wirewatch.processing.dedup.DedupVerdict;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.story.TermVectors;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * One partition of the candidate index: finds, among the articles it retains, the earlier near-copy original and
 * the closest earlier article of the same story for a new article, then retains the new one.
 *
 * <p>Candidates come from the keys this partition owns: LSH band keys of the MinHash signature (near-copies) and
 * the article's heaviest TF-IDF terms (stories). Every partition sees every article (it keeps the document
 * frequencies whole), but files and looks up only its own keys, so the band buckets and postings are split among
 * partitions; the partial verdicts are combined by {@link TriageLedger}. With one partition that owns every key it
 * is the whole index ({@code wirewatch dedup}). Kafka-free; not thread safe.
 */
public final class CandidateIndex {

    /** Terms kept per article vector. */
    static final int VECTOR_TERMS = 100;
    /** Heaviest terms an article is filed under and looks candidates up by. */
    static final int KEY_TERMS = 20;
    /** Story candidates taken per term: the most recent ones. */
    static final int MAX_POSTINGS_PER_TERM = 50;

    /** Where the index keeps its state. */
    public interface Storage {
        Postings bands();

        Postings terms();

        /** The retained article with {@code handle} filed at {@code timestamp}, or null once it expired. */
        IndexedArticle article(long handle, long timestamp);

        void retain(IndexedArticle article);

        DocumentFrequencies frequencies();
    }

    /** What one partition found for an article: near-copy, story link (either may be null), best Jaccard seen. */
    public record Probe(DedupVerdict.NearCopyOf copy, StoryLink story, double bestJaccard) {
    }

    private final TriageSettings settings;
    private final CandidateVerifier verifier;
    private final Storage storage;

    public CandidateIndex(TriageSettings settings, Storage storage) {
        this.settings = settings;
        this.verifier = new CandidateVerifier(settings.duplicates());
        this.storage = storage;
    }

    /** Probes for {@code sketch}'s candidates among the keys {@code owned} accepts, then files it under them. */
    public Probe probeAndRetain(Sketch sketch, LongPredicate owned) {
        storage.frequencies().add(sketch.terms().keySet(), sketch.timestamp());
        Map<String, Double> vector = TermVectors.vectorize(sketch.terms(), storage.frequencies(), VECTOR_TERMS);
        Signature signature = new Signature(sketch.mins(), sketch.shingles());
        long[] bandKeys = Bands.keys(signature, settings.duplicates());
        long[] termKeys = vector.keySet().stream().limit(KEY_TERMS).mapToLong(Bands::termKey).toArray();
        long from = sketch.timestamp() - settings.retention().toMillis();

        Map<Long, Long> copyCandidates = candidates(storage.bands(), bandKeys, owned, from, sketch.timestamp());
        DedupVerdict.NearCopyOf copy = null;
        double bestJaccard = 0;
        Map<Long, IndexedArticle> seen = new HashMap<>();
        for (Map.Entry<Long, Long> candidate : copyCandidates.entrySet()) {
            IndexedArticle other = load(candidate, seen);
            if (other != null) {
                copy = CandidateVerifier.better(copy, verifier.verify(sketch.id(), sketch.timestamp(), signature,
                        other.asBandMember()));
                if (!other.id().equals(sketch.id())) {
                    bestJaccard = Math.max(bestJaccard, signature.jaccard(other.asBandMember().signature()));
                }
            }
        }
        StoryLink story = null;
        // Story candidates only from the story window (by Kafka time), and only the most recent per term: a term
        // common enough to fill its postings says little about the story anyway.
        long storyFrom = sketch.timestamp() - settings.storyWindow().toMillis();
        for (Map.Entry<Long, Long> candidate : recentCandidates(storage.terms(), termKeys, owned, storyFrom,
                sketch.timestamp()).entrySet()) {
            IndexedArticle other = load(candidate, seen);
            if (other != null && !other.id().equals(sketch.id()) && other.asBandMember().precedes(sketch.timestamp(), sketch.id())
                    && withinStoryWindow(sketch.publishedAt(), other.publishedAt())) {
                story = StoryLink.better(story, new StoryLink(other.id(), TermVectors.cosine(vector, other.vector())));
            }
        }
        retain(sketch, vector, bandKeys, termKeys, owned);
        return new Probe(copy, story != null && story.similarity() >= settings.storyThreshold() ? story : null,
                bestJaccard);
    }

    private IndexedArticle load(Map.Entry<Long, Long> candidate, Map<Long, IndexedArticle> seen) {
        return seen.computeIfAbsent(candidate.getKey(), handle -> storage.article(handle, candidate.getValue()));
    }

    private static Map<Long, Long> candidates(Postings postings, long[] keys, LongPredicate owned, long from,
                                                long to) {
        Map<Long, Long> found = new LinkedHashMap<>();
        for (long key : keys) {
            if (owned.test(key)) {
                postings.find(key, from, to).forEach(p -> found.putIfAbsent(p.handle(), p.timestamp()));
            }
        }
        return found;
    }

    private static Map<Long, Long> recentCandidates(Postings postings, long[] keys, LongPredicate owned,
                                                    long from, long to) {
        Map<Long, Long> found = new LinkedHashMap<>();
        for (long key : keys) {
            if (owned.test(key)) {
                List<Postings.Posting> all = postings.find(key, from, to);
                all.subList(Math.max(0, all.size() - MAX_POSTINGS_PER_TERM), all.size())
                        .forEach(p -> found.putIfAbsent(p.handle(), p.timestamp()));
            }
        }
        return found;
    }

    private void retain(Sketch sketch, Map<String, Double> vector, long[] bandKeys, long[] termKeys,
                        LongPredicate owned) {
        boolean any = false;
        long handle = Bands.handle(sketch.id());
        for (long key : bandKeys) {
            if (owned.test(key)) {
                storage.bands().add(key, handle, sketch.timestamp());
                any = true;
            }
        }
        for (long key : termKeys) {
            if (owned.test(key)) {
                storage.terms().add(key, handle, sketch.timestamp());
                any = true;
            }
        }
        if (any) {
            storage.retain(new IndexedArticle(sketch.id(), sketch.timestamp(), sketch.publishedAt(), sketch.mins(),
                    sketch.shingles(), vector));
        }
    }

    private boolean withinStoryWindow(Long a, Long b) {
        return a == null || b == null || Math.abs(a - b) <= settings.storyWindow().toMillis();
    }

    /** Index state kept in memory ({@code wirewatch dedup}, tests). */
    public static Storage inMemory() {
        return new Storage() {
            private final Postings bands = Postings.inMemory();
            private final Postings terms = Postings.inMemory();
            private final DocumentFrequencies frequencies = DocumentFrequencies.inMemory();
            private final Map<Long, IndexedArticle> articles = new HashMap<>();

            @Override
            public Postings bands() {
                return bands;
            }

            @Override
            public Postings terms() {
                return terms;
            }

            @Override
            public IndexedArticle article(long handle, long timestamp) {
                return articles.get(handle);
            }

            @Override
            public void retain(IndexedArticle article) {
                articles.putIfAbsent(Bands.handle(article.id()), article);
            }

            @Override
            public DocumentFrequencies frequencies() {
                return frequencies;
            }
        };
    }
}
