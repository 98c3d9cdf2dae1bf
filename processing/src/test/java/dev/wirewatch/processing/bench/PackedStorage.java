package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.triage.Bands;
import dev.wirewatch.processing.triage.CandidateIndex;
import dev.wirewatch.processing.triage.IndexedArticle;
import dev.wirewatch.processing.triage.IndexedArticleSerde;
import dev.wirewatch.processing.triage.Postings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate-index storage packed into primitive arrays and serialized sketches, so that a million retained articles
 * fit in one JVM heap: the index's own cost at that size, without a disk under it. Each sketch is read back
 * through the stores' serde, as a store read would.
 */
final class PackedStorage {

    private PackedStorage() {
    }

    static CandidateIndex.Storage create(int bandKeys, int termKeys) {
        Map<Long, byte[]> articles = new HashMap<>();
        IndexedArticleSerde serde = new IndexedArticleSerde();
        return new CandidateIndex.Storage(new PackedPostings(bandKeys), new PackedPostings(termKeys),
                new CandidateIndex.RetainedArticles() {
                    @Override
                    public IndexedArticle get(long handle, long timestamp) {
                        byte[] bytes = articles.get(handle);
                        return bytes == null ? null : serde.deserializer().deserialize(null, bytes);
                    }

                    @Override
                    public void put(IndexedArticle article) {
                        articles.put(Bands.handle(article.id()), serde.serializer().serialize(null, article));
                    }
                }, DocumentFrequencies.inMemory());
    }

    /** An open-addressing multimap from a 64-bit key to (handle, timestamp) entries chained newest first. */
    private static final class PackedPostings implements Postings {
        private final long[] keys;
        private final int[] heads;
        private final int mask;
        private long[] handles = new long[1 << 20];
        private long[] timestamps = new long[1 << 20];
        private int[] next = new int[1 << 20];
        private int size = 1; // entry 0 means "none"
        private int used;

        PackedPostings(int expectedKeys) {
            int capacity = Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1;
            keys = new long[capacity];
            heads = new int[capacity];
            mask = capacity - 1;
        }

        private int slot(long key) {
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (heads[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        @Override
        public List<Posting> find(long key, long from, long to) {
            int slot = slot(key);
            List<Posting> found = new ArrayList<>(2);
            for (int e = heads[slot]; e != 0; e = next[e]) {
                if (timestamps[e] >= from && timestamps[e] <= to) {
                    found.add(new Posting(handles[e], timestamps[e]));
                }
            }
            Collections.reverse(found); // oldest first, as a window store returns them
            return found;
        }

        @Override
        public void add(long key, long handle, long timestamp) {
            if (size == handles.length) {
                int grown = handles.length + (handles.length >> 1);
                handles = java.util.Arrays.copyOf(handles, grown);
                timestamps = java.util.Arrays.copyOf(timestamps, grown);
                next = java.util.Arrays.copyOf(next, grown);
            }
            int slot = slot(key);
            if (heads[slot] == 0 && ++used > keys.length * 3 / 4) {
                throw new IllegalStateException("more keys than the " + keys.length + " slots allow");
            }
            keys[slot] = key;
            handles[size] = handle;
            timestamps[size] = timestamp;
            next[size] = heads[slot];
            heads[slot] = size++;
        }
    }
}
