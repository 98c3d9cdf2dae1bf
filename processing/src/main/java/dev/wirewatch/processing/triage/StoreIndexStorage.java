package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.DocumentFrequencies;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The candidate index's state in Kafka Streams stores: window stores for band buckets, term postings and retained
 * articles (Streams drops their segments once older than the retention), a key-value store of term counts.
 *
 * <p>Not thread safe; used by its task only.
 */
final class StoreIndexStorage implements CandidateIndex.Storage {

    private final Postings bands;
    private final Postings terms;
    private final WindowStore<String, IndexedArticle> articles;
    private final StoreFrequencies frequencies;

    StoreIndexStorage(WindowStore<Long, String> bands, WindowStore<Long, String> terms,
                      WindowStore<String, IndexedArticle> articles, StoreFrequencies frequencies) {
        this.bands = postings(bands);
        this.terms = postings(terms);
        this.articles = articles;
        this.frequencies = frequencies;
    }

    private static Postings postings(WindowStore<Long, String> store) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = new ArrayList<>(2);
                try (WindowStoreIterator<String> it = store.fetch(key, Math.max(0, from), to)) {
                    it.forEachRemaining(kv -> found.add(new Posting(kv.value, kv.key)));
                }
                return found;
            }

            @Override
            public void add(long key, String id, long timestamp) {
                store.put(key, id, timestamp);
            }
        };
    }

    @Override
    public Postings bands() {
        return bands;
    }

    @Override
    public Postings terms() {
        return terms;
    }

    @Override
    public IndexedArticle article(String id, long timestamp) {
        return articles.fetch(id, timestamp);
    }

    @Override
    public void retain(IndexedArticle article) {
        articles.put(article.id(), article, article.timestamp());
    }

    @Override
    public DocumentFrequencies frequencies() {
        return frequencies;
    }
}
