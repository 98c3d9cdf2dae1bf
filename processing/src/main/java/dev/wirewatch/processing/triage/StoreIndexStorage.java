package dev.wirewatch.processing.triage;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The candidate index's state in Kafka Streams stores: window stores for band buckets, term postings and retained
 * articles (Streams drops their segments once older than the retention), a key-value store of term counts.
 *
 * <p>Stateless; the adapters it returns are used by their task only.
 */
final class StoreIndexStorage {

    private StoreIndexStorage() {
    }

    static CandidateIndex.Storage of(WindowStore<Long, Long> bands, WindowStore<Long, Long> terms,
                                     WindowStore<Long, IndexedArticle> articles, StoreFrequencies frequencies) {
        return new CandidateIndex.Storage(postings(bands), postings(terms), new CandidateIndex.RetainedArticles() {
            @Override
            public IndexedArticle get(long handle, long timestamp) {
                return articles.fetch(handle, timestamp);
            }

            @Override
            public void put(IndexedArticle article) {
                articles.put(Bands.handle(article.id()), article, article.timestamp());
            }
        }, frequencies);
    }

    private static Postings postings(WindowStore<Long, Long> store) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = new ArrayList<>(2);
                try (WindowStoreIterator<Long> it = store.fetch(key, Math.max(0, from), to)) {
                    it.forEachRemaining(kv -> found.add(new Posting(kv.value, kv.key)));
                }
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                store.put(key, handle, timestamp);
            }
        };
    }
}
