package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.mention.FirstMentions;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Where triage keeps its state: the first article of each content hash, LSH band buckets, story-key postings, the
 * retained articles with their decisions, the story method's document frequencies, and the first-mention tallies.
 * In memory for {@code wirewatch dedup} and tests; window stores in the topology ({@link StoreTriageStorage}), which
 * drop whole segments once older than the retention instead of scanning for what expired.
 */
public record TriageStorage(ContentHashes contentHashes, Postings bands, Postings storyKeys,
                            RetainedArticles articles, DocumentFrequencies frequencies,
                            FirstMentions.Tallies tallies) {

    /** The first article seen with each content hash. */
    public interface ContentHashes {
        /** The id of the first article with {@code hash} filed in [{@code from}, {@code to}], or null. */
        String first(String hash, long from, long to);

        void put(String hash, String articleId, long timestamp);
    }

    /** The retained articles, by handle ({@link Bands#handle}) and the time they were filed at. */
    public interface RetainedArticles {
        /** The article with {@code handle} filed at {@code timestamp}, or null once it expired. */
        Retained get(long handle, long timestamp);

        /** The article {@code id} if it was filed in [{@code from}, {@code to}], else null. */
        Retained find(String id, long from, long to);

        void put(Retained article);
    }

    /** State kept in memory, with the default retention and story window ({@link #inMemory(Duration, Duration)}). */
    public static TriageStorage inMemory() {
        TriageSettings defaults = TriageSettings.defaults();
        return inMemory(defaults.retention(), defaults.storyWindow());
    }

    /**
     * State kept in memory for the life of the object, except the document frequencies and fingerprints: they are
     * the topology's own ({@link WindowFrequencies}), forgetting what is older than about {@code retention} and
     * {@code storyWindow} by triage time.
     */
    public static TriageStorage inMemory(Duration retention, Duration storyWindow) {
        Map<String, String> hashes = new HashMap<>();
        Map<Long, Retained> articles = new HashMap<>();
        return new TriageStorage(new ContentHashes() {
            @Override
            public String first(String hash, long from, long to) {
                return hashes.get(hash);
            }

            @Override
            public void put(String hash, String articleId, long timestamp) {
                hashes.putIfAbsent(hash, articleId);
            }
        }, Postings.inMemory(), Postings.inMemory(), new RetainedArticles() {
            @Override
            public Retained get(long handle, long timestamp) {
                return articles.get(handle);
            }

            @Override
            public Retained find(String id, long from, long to) {
                Retained r = articles.get(Bands.handle(id));
                return r != null && r.id().equals(id) && r.timestamp() >= from ? r : null;
            }

            @Override
            public void put(Retained article) {
                articles.putIfAbsent(Bands.handle(article.id()), article);
            }
        }, new WindowFrequencies(EpochLog.NONE, EpochLog.NONE, retention,
                new EpochMarkers(EpochLog.NONE, storyWindow, Triage.Problems.NONE), Triage.Problems.NONE),
                FirstMentions.Tallies.inMemory());
    }
}
