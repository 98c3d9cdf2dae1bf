package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.BandMember;
import dev.wirewatch.processing.dedup.CandidateVerifier;
import dev.wirewatch.processing.dedup.NearCopy;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.story.RepeatedParagraphs;
import dev.wirewatch.processing.story.TermVector;
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

    /**
     * Where the index keeps its state: band buckets, term postings, retained articles, document frequencies.
     * In memory for {@code wirewatch dedup} and tests, in window and key-value stores in the topology.
     */
    public record Storage(Postings bands, Postings terms, RetainedArticles articles,
                          DocumentFrequencies frequencies) {
    }

    /** The retained articles, by handle and the timestamp they were filed at. */
    public interface RetainedArticles {
        /** The article with {@code handle} filed at {@code timestamp}, or null once it expired. */
        IndexedArticle get(long handle, long timestamp);

        void put(IndexedArticle article);
    }

    /** What one partition found for an article: near-copy, story link (either may be null), best Jaccard seen. */
    public record Probe(NearCopy copy, StoryLink story, double bestJaccard) {
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
        Map<String, Long> counts = storage.frequencies().add(
                RepeatedParagraphs.counted(sketch.terms().keySet(), sketch.edges()), sketch.timestamp());
        TermVector vector = TermVectors.vectorize(RepeatedParagraphs.storyTerms(sketch.terms(), sketch.edges(), counts),
                counts::get, storage.frequencies().documents(), VECTOR_TERMS);
        Signature signature = new Signature(sketch.mins(), sketch.shingles());
        long[] bandKeys = Bands.keys(signature, settings.duplicates());
        long[] termKeys = vector.heaviest(KEY_TERMS);
        Map<Long, IndexedArticle> loaded = new HashMap<>();
        Probe copies = nearCopy(sketch, signature, bandKeys, owned, loaded);
        StoryLink story = storyLink(sketch, vector, termKeys, owned, loaded);
        retain(sketch, vector, bandKeys, termKeys, owned);
        return new Probe(copies.copy(), story, copies.bestJaccard());
    }

    /** The best earlier near-copy original under the owned band keys, and the best Jaccard seen. */
    private Probe nearCopy(Sketch sketch, Signature signature, long[] bandKeys, LongPredicate owned,
                           Map<Long, IndexedArticle> loaded) {
        long from = sketch.timestamp() - settings.retention().toMillis();
        NearCopy copy = null;
        double bestJaccard = 0;
        for (Map.Entry<Long, Long> candidate : candidates(storage.bands(), bandKeys, owned, from,
                sketch.timestamp(), Integer.MAX_VALUE).entrySet()) {
            IndexedArticle other = load(candidate, loaded);
            if (other != null && !other.id().equals(sketch.id())) {
                BandMember member = other.asBandMember();
                double jaccard = signature.jaccard(member.signature());
                copy = CandidateVerifier.better(copy, verifier.verify(sketch.id(), sketch.timestamp(), signature,
                        member, jaccard));
                bestJaccard = Math.max(bestJaccard, jaccard);
            }
        }
        return new Probe(copy, null, bestJaccard);
    }

    /**
     * The closest earlier article under the owned term keys, if it is close enough to share a story. Candidates
     * come only from the story window (by Kafka time), the most recent few per term: a term common enough to fill
     * its postings says little about the story anyway.
     */
    private StoryLink storyLink(Sketch sketch, TermVector vector, long[] termKeys, LongPredicate owned,
                                Map<Long, IndexedArticle> loaded) {
        long from = sketch.timestamp() - settings.storyWindow().toMillis();
        StoryLink best = null;
        for (Map.Entry<Long, Long> candidate : candidates(storage.terms(), termKeys, owned, from,
                sketch.timestamp(), MAX_POSTINGS_PER_TERM).entrySet()) {
            IndexedArticle other = load(candidate, loaded);
            if (other != null && !other.id().equals(sketch.id())
                    && other.asBandMember().precedes(sketch.timestamp(), sketch.id())
                    && withinStoryWindow(sketch.publishedAt(), other.publishedAt())) {
                best = StoryLink.better(best, new StoryLink(other.id(), vector.cosine(other.vector())));
            }
        }
        return best != null && best.similarity() >= settings.storyThreshold() ? best : null;
    }

    private IndexedArticle load(Map.Entry<Long, Long> candidate, Map<Long, IndexedArticle> seen) {
        return seen.computeIfAbsent(candidate.getKey(),
                handle -> storage.articles().get(handle, candidate.getValue()));
    }

    /** Handle → timestamp of the articles filed under the owned {@code keys}, the latest {@code perKey} of each. */
    private static Map<Long, Long> candidates(Postings postings, long[] keys, LongPredicate owned, long from,
                                              long to, int perKey) {
        Map<Long, Long> found = new LinkedHashMap<>();
        for (long key : keys) {
            if (owned.test(key)) {
                List<Postings.Posting> filed = postings.find(key, from, to);
                filed.subList(Math.max(0, filed.size() - perKey), filed.size())
                        .forEach(p -> found.putIfAbsent(p.handle(), p.timestamp()));
            }
        }
        return found;
    }

    private void retain(Sketch sketch, TermVector vector, long[] bandKeys, long[] termKeys,
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
            storage.articles().put(new IndexedArticle(sketch.id(), sketch.timestamp(), sketch.publishedAt(),
                    sketch.mins(), sketch.shingles(), vector));
        }
    }

    private boolean withinStoryWindow(Long a, Long b) {
        return a == null || b == null || Math.abs(a - b) <= settings.storyWindow().toMillis();
    }

    /** Index state kept in memory ({@code wirewatch dedup}, tests). */
    public static Storage inMemory() {
        Map<Long, IndexedArticle> articles = new HashMap<>();
        return new Storage(Postings.inMemory(), Postings.inMemory(), new RetainedArticles() {
            @Override
            public IndexedArticle get(long handle, long timestamp) {
                return articles.get(handle);
            }

            @Override
            public void put(IndexedArticle article) {
                articles.putIfAbsent(Bands.handle(article.id()), article);
            }
        }, DocumentFrequencies.inMemory());
    }
}
