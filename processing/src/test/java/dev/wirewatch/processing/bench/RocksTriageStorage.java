package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.mention.FirstMentions;
import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.triage.Bands;
import dev.wirewatch.processing.triage.Postings;
import dev.wirewatch.processing.triage.Retained;
import dev.wirewatch.processing.triage.RetainedSerde;
import dev.wirewatch.processing.triage.TriageBenchmarks;
import dev.wirewatch.processing.triage.TriageStorage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * Triage's state on one RocksDB with the layout of its window stores (store, key, timestamp[, sequence] in the key,
 * values uncompressed as Streams writes them), so a benchmark can hold a million retained articles and count their
 * bytes on disk. Tuned as a store of this size would be (bloom filter on the key prefix, 256 MB block cache and
 * memtables, universal compaction, no WAL as in Streams). Mention tallies stay in memory (the benchmark has no
 * topic hits).
 *
 * <p>Not thread safe.
 */
final class RocksTriageStorage implements AutoCloseable {

    private static final byte BANDS = 1;
    private static final byte STORY_KEYS = 2;
    private static final byte ARTICLES = 3;
    private static final byte HASHES = 4;
    private static final byte FINGERPRINTS = 5;
    private static final byte TERM_SETS = 6;
    private static final byte EPOCH_COUNTS = 7;

    private final RocksDB db;
    private final Options options;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final RetainedSerde serde = new RetainedSerde();
    private final Duration retention;
    private final Duration storyWindow;

    RocksTriageStorage(Path dir, Duration retention, Duration storyWindow) throws RocksDBException {
        RocksDB.loadLibrary();
        BlockBasedTableConfig table = new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false))
                .setBlockCache(new LRUCache(256L << 20)).setWholeKeyFiltering(true);
        options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.NO_COMPRESSION)
                .useFixedLengthPrefixExtractor(9).setTableFormatConfig(table)
                .setCompactionStyle(CompactionStyle.UNIVERSAL).setWriteBufferSize(256L << 20)
                .setMaxWriteBufferNumber(3);
        readOptions = new ReadOptions().setPrefixSameAsStart(true);
        writeOptions = new WriteOptions().setDisableWAL(true);
        db = RocksDB.open(options, dir.toString());
        this.retention = retention;
        this.storyWindow = storyWindow;
    }

    TriageStorage storage() {
        return new TriageStorage(hashes(), postings(BANDS), postings(STORY_KEYS), articles(), frequencies(),
                FirstMentions.Tallies.inMemory());
    }

    private TriageStorage.ContentHashes hashes() {
        return new TriageStorage.ContentHashes() {
            @Override
            public String first(String hash, long from, long to) {
                byte[] v = get(key(HASHES, hash.hashCode(), 0));
                return v == null ? null : new String(v, StandardCharsets.UTF_8);
            }

            @Override
            public void put(String hash, String articleId, long timestamp) {
                RocksTriageStorage.this.put(key(HASHES, hash.hashCode(), 0), articleId.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private Postings postings(byte type) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = new ArrayList<>(2);
                scan(type, key, from, to, (timestamp, rest, entry) -> {
                    found.add(new Posting(rest.getLong(), timestamp));
                    return true;
                });
                return found;
            }

            /** As the window store's backward fetch: from the newest entry back, only those returned are read. */
            @Override
            public List<Posting> latest(long key, long from, long to, int limit) {
                List<Posting> found = new ArrayList<>();
                try (RocksIterator it = db.newIterator(readOptions)) {
                    it.seekForPrev(ByteBuffer.allocate(25).put(type).putLong(key).putLong(to).putLong(-1L).array());
                    for (; it.isValid() && found.size() < limit; it.prev()) {
                        ByteBuffer k = ByteBuffer.wrap(it.key());
                        if (k.get() != type || k.getLong() != key) {
                            break;
                        }
                        long timestamp = k.getLong();
                        if (timestamp < Math.max(0, from)) {
                            break;
                        }
                        found.add(new Posting(k.getLong(), timestamp));
                    }
                }
                Collections.reverse(found);
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                put(ByteBuffer.allocate(25).put(type).putLong(key).putLong(timestamp).putLong(handle).array(),
                        new byte[0]);
            }
        };
    }

    private TriageStorage.RetainedArticles articles() {
        return new TriageStorage.RetainedArticles() {
            @Override
            public Retained get(long handle, long timestamp) {
                byte[] bytes = RocksTriageStorage.this.get(key(ARTICLES, handle, timestamp));
                return bytes == null ? null : serde.deserializer().deserialize(null, bytes);
            }

            @Override
            public Retained find(String id, long from, long to) {
                Retained[] found = new Retained[1];
                scan(ARTICLES, Bands.handle(id), from, to, (timestamp, rest, entry) -> {
                    Retained r = serde.deserializer().deserialize(null, entry.value());
                    found[0] = r.id().equals(id) ? r : null;
                    return found[0] == null; // on past another article under the same handle
                });
                return found[0];
            }

            @Override
            public void put(Retained article) {
                RocksTriageStorage.this.put(key(ARTICLES, Bands.handle(article.id()), article.timestamp()),
                        serde.serializer().serialize(null, article));
            }
        };
    }

    /**
     * Triage's own document frequencies (counts and fingerprints in memory, rebuilt from one entry per article when a
     * task starts) over the window stores' layout: term sets, closed epochs' counts and fingerprint sets as (epoch
     * start, timestamp, sequence) → bytes, the fingerprint sets kept for the story window as in the topology.
     */
    private DocumentFrequencies frequencies() {
        return TriageBenchmarks.windowFrequencies(log(TERM_SETS), log(EPOCH_COUNTS), log(FINGERPRINTS), retention,
                storyWindow);
    }

    private TriageBenchmarks.EpochLog log(byte type) {
        return new TriageBenchmarks.EpochLog() {
            private int sequence;

            @Override
            public void append(long epoch, byte[] entry, long timestamp) {
                RocksTriageStorage.this.put(ByteBuffer.allocate(21).put(type).putLong(epoch).putLong(timestamp)
                        .putInt(sequence++).array(), entry);
            }

            @Override
            public void forEach(long epoch, long from, long to, BiConsumer<Long, byte[]> each) {
                scan(type, epoch, from, to, (timestamp, rest, entry) -> {
                    each.accept(timestamp, entry.value());
                    return true;
                });
            }
        };
    }

    /** One entry of a window-store range: its timestamp, the rest of its key after it, the entry itself. */
    private interface Visit {
        /** Whether to go on to the next entry. */
        boolean visit(long timestamp, ByteBuffer rest, RocksIterator entry);
    }

    /** Visits the entries filed under ({@code type}, {@code key}) in [{@code from}, {@code to}], in time order. */
    private void scan(byte type, long key, long from, long to, Visit visit) {
        try (RocksIterator it = db.newIterator(readOptions)) {
            for (it.seek(key(type, key, Math.max(0, from))); it.isValid(); it.next()) {
                ByteBuffer k = ByteBuffer.wrap(it.key());
                if (k.get() != type || k.getLong() != key) {
                    break;
                }
                long timestamp = k.getLong();
                if (timestamp > to || !visit.visit(timestamp, k, it)) {
                    break;
                }
            }
        }
    }

    private static byte[] key(byte type, long key, long timestamp) {
        return ByteBuffer.allocate(17).put(type).putLong(key).putLong(timestamp).array();
    }

    private byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(byte[] key, byte[] value) {
        try {
            db.put(writeOptions, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes of the database's files after a flush. */
    long bytesOnDisk() throws RocksDBException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        }
        return Long.parseLong(db.getProperty("rocksdb.total-sst-files-size"));
    }

    @Override
    public void close() {
        db.close();
        options.close();
        readOptions.close();
        writeOptions.close();
    }
}
