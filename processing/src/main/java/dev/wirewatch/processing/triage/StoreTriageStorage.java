package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.mention.FirstMentions;
import dev.wirewatch.processing.mention.MentionTally;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
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
                  WindowStore<Long, Long> storyKeys, WindowStore<Long, Retained> articles,
                  WindowStore<Long, Long> frequencies, WindowStore<String, MentionTally> tallies) {
    }

    private StoreTriageStorage() {
    }

    static TriageStorage of(Stores stores, Duration retention) {
        return new TriageStorage(contentHashes(stores.contentHashes()), postings(stores.bands()),
                postings(stores.storyKeys()), articles(stores.articles()),
                new WindowFrequencies(stores.frequencies(), retention), tallies(stores.tallies()));
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

    /**
     * Document frequencies in epochs of half the retention: a key's count is filed at its epoch's start, and its
     * frequency is the current and the previous epoch's count, so what is older than about one retention window
     * is forgotten when its segment goes.
     */
    static final class WindowFrequencies implements DocumentFrequencies {

        /** The key of the article count; a term's key equals it with probability 2⁻⁶⁴. */
        static final long DOCUMENTS = Long.MIN_VALUE;

        /** What the frequencies need of their store: a count per (key, epoch start). */
        interface EpochCounts {
            /** The count filed for {@code key} at {@code epoch}, or null. */
            Long fetch(long key, long epoch);

            void put(long key, long count, long epoch);
        }

        private final EpochCounts store;
        private final long epochMillis;
        private long epochStart = -1;
        /**
         * The counts of the current and the previous epoch read so far, so each term is read from the store once
         * per epoch, not twice per article: the single writer is the only one changing them, and the previous
         * epoch no longer changes at all. Dropped with the processor (a task that moves or restarts reads again).
         */
        private Map<Long, Long> current = new HashMap<>();
        private Map<Long, Long> previous = new HashMap<>();

        WindowFrequencies(WindowStore<Long, Long> store, Duration retention) {
            this(new EpochCounts() {
                @Override
                public Long fetch(long key, long epoch) {
                    return store.fetch(key, epoch);
                }

                @Override
                public void put(long key, long count, long epoch) {
                    store.put(key, count, epoch);
                }
            }, retention);
        }

        /** Over another store of the same layout (the benchmarks' RocksDB). */
        WindowFrequencies(EpochCounts store, Duration retention) {
            this.store = store;
            this.epochMillis = epochMillis(retention);
        }

        /** The epoch length for {@code retention}; the store must retain two epochs. */
        static long epochMillis(Duration retention) {
            return Math.max(1, retention.toMillis() / 2);
        }

        @Override
        public long[] add(long[] keys, long timestamp) {
            roll(timestamp);
            increment(DOCUMENTS);
            long[] counts = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                counts[i] = increment(keys[i]);
            }
            return counts;
        }

        /**
         * Read and written through, never cached: nearly every fingerprint is seen once and would only fill memory.
         * Only whether one is known matters, so one already filed in this epoch costs a read and no write (a site's
         * chrome repeats in every article it publishes).
         */
        @Override
        public boolean[] seenBefore(long[] fingerprints, long timestamp) {
            roll(timestamp);
            boolean[] seen = new boolean[fingerprints.length];
            for (int i = 0; i < fingerprints.length; i++) {
                if (store.fetch(fingerprints[i], epochStart) != null) {
                    seen[i] = true;
                    continue;
                }
                seen[i] = epochStart - epochMillis >= 0 && store.fetch(fingerprints[i], epochStart - epochMillis) != null;
                store.put(fingerprints[i], 1L, epochStart);
            }
            return seen;
        }

        private void roll(long timestamp) {
            long epoch = Math.floorDiv(timestamp, epochMillis) * epochMillis;
            if (epoch > epochStart) {
                previous = epoch == epochStart + epochMillis ? current : new HashMap<>();
                current = new HashMap<>();
                epochStart = epoch;
            }
        }

        private long increment(long key) {
            long now = count(current, key, epochStart) + 1;
            current.put(key, now);
            store.put(key, now, epochStart);
            return now + count(previous, key, epochStart - epochMillis);
        }

        private long count(Map<Long, Long> read, long key, long epoch) {
            Long known = read.get(key);
            if (known == null) {
                Long stored = epoch >= 0 ? store.fetch(key, epoch) : null;
                known = stored == null ? 0L : stored;
                read.put(key, known);
            }
            return known;
        }

        @Override
        public long documents() {
            return epochStart < 0 ? 0 : count(current, DOCUMENTS, epochStart)
                    + count(previous, DOCUMENTS, epochStart - epochMillis);
        }
    }
}
