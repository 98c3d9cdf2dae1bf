package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.mention.FirstMentions;
import dev.wirewatch.processing.mention.MentionTally;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Triage's state in Kafka Streams window stores: each entry is filed at the triage time it was written, and
 * Streams drops a store's segments once they are older than its retention, so nothing is ever scanned for expiry.
 *
 * <p>Stateless; the adapters it returns are used by their task only.
 */
final class StoreTriageStorage {

    /** The stores, by role. */
    record Stores(WindowStore<String, String> contentHashes, WindowStore<Long, Long> bands,
                  WindowStore<Long, Retained> articles,
                  WindowStore<Long, byte[]> termSets, WindowStore<Long, byte[]> epochCounts,
                  WindowStore<Long, byte[]> fingerprintSets,
                  WindowStore<String, MentionTally> tallies) {
    }

    private StoreTriageStorage() {
    }

    /**
     * The storage over {@code stores}: articles, postings and the term sets the counts come from kept for
     * {@code retention}, the edge paragraphs' and passages' fingerprints only for {@code storyWindow} (chrome an
     * article shares only with one outside the story window cannot join the two, so knowing it longer buys nothing);
     * the story keys' postings in memory for the story window ({@link RecentPostings}), rebuilt from the retained
     * articles by {@code storyKeysOf} (an article's story keys; none for one that has none, such as a copy);
     * {@code problems} hears of term and fingerprint sets that cannot be read back.
     */
    static TriageStorage of(Stores stores, Duration retention, Duration storyWindow,
                            Function<Retained, long[]> storyKeysOf, Triage.Problems problems) {
        WindowFrequencies frequencies = new WindowFrequencies(EpochLog.of(stores.termSets()),
                EpochLog.of(stores.epochCounts()), retention,
                new EpochMarkers(EpochLog.of(stores.fingerprintSets()), storyWindow, problems), problems);
        return new TriageStorage(contentHashes(stores.contentHashes()), postings(stores.bands()),
                new RecentPostings(storyWindow, filed(stores.articles(), storyKeysOf)), articles(stores.articles()),
                frequencies, tallies(stores.tallies()));
    }

    /** The retained articles filed in a time range, each with its story keys: what the story keys are rebuilt from. */
    private static RecentPostings.Source filed(WindowStore<Long, Retained> store, Function<Retained, long[]> keysOf) {
        return (from, to, each) -> {
            try (KeyValueIterator<Windowed<Long>, Retained> all = store.fetchAll(Math.max(0, from), Math.max(0, to))) {
                all.forEachRemaining(kv -> {
                    long[] keys = keysOf.apply(kv.value);
                    if (keys.length > 0) {
                        each.accept(new RecentPostings.Filed(kv.key.key(), kv.value.timestamp(), keys));
                    }
                });
            }
        };
    }

    private static TriageStorage.ContentHashes contentHashes(WindowStore<String, String> store) {
        return new TriageStorage.ContentHashes() {
            @Override
            public String first(String hash, long from, long to) {
                return firstOf(store.fetch(hash, Math.max(0, from), to)); // the earliest filed
            }

            @Override
            public void put(String hash, String articleId, long timestamp) {
                store.put(hash, articleId, timestamp);
            }
        };
    }

    /** The postings of a retain-duplicates window store: key → handle, filed at the posting's time. */
    static Postings postings(WindowStore<Long, Long> store) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = new ArrayList<>(2);
                try (WindowStoreIterator<Long> it = store.fetch(key, Math.max(0, from), to)) {
                    it.forEachRemaining(kv -> found.add(new Posting(kv.value, kv.key)));
                }
                return found;
            }

            /** Reads back from the newest, so that only the postings returned are read. */
            @Override
            public List<Posting> latest(long key, long from, long to, int limit) {
                List<Posting> found = new ArrayList<>(Math.min(limit, 16));
                try (WindowStoreIterator<Long> it = store.backwardFetch(key, Math.max(0, from), to)) {
                    while (found.size() < limit && it.hasNext()) {
                        KeyValue<Long, Long> kv = it.next();
                        found.add(new Posting(kv.value, kv.key));
                    }
                }
                Collections.reverse(found);
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                store.put(key, handle, timestamp);
            }
        };
    }

    private static TriageStorage.RetainedArticles articles(WindowStore<Long, Retained> store) {
        return new TriageStorage.RetainedArticles() {
            @Override
            public Retained get(long handle, long timestamp) {
                return store.fetch(handle, timestamp);
            }

            @Override
            public Retained find(String id, long from, long to) {
                try (WindowStoreIterator<Retained> it = store.backwardFetch(Bands.handle(id), Math.max(0, from), to)) {
                    while (it.hasNext()) {
                        KeyValue<Long, Retained> kv = it.next();
                        if (kv.value.id().equals(id)) {
                            return kv.value;
                        }
                    }
                }
                return null;
            }

            @Override
            public void put(Retained article) {
                store.put(Bands.handle(article.id()), article, article.timestamp());
            }
        };
    }

    private static FirstMentions.Tallies tallies(WindowStore<String, MentionTally> store) {
        return new FirstMentions.Tallies() {
            @Override
            public MentionTally latest(String key, long from, long to) {
                return firstOf(store.backwardFetch(key, Math.max(0, from), to)); // the latest filed
            }

            @Override
            public void put(String key, MentionTally tally, long timestamp) {
                store.put(key, tally, timestamp);
            }
        };
    }

    /** The first value {@code it} yields, or null; closes it. */
    private static <V> V firstOf(WindowStoreIterator<V> it) {
        try (it) {
            return it.hasNext() ? it.next().value : null;
        }
    }
}
