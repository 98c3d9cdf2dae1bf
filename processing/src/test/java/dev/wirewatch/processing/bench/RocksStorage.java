package dev.wirewatch.processing.bench;

import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.triage.Bands;
import dev.wirewatch.processing.triage.CandidateIndex;
import dev.wirewatch.processing.triage.IndexedArticle;
import dev.wirewatch.processing.triage.IndexedArticleSerde;
import dev.wirewatch.processing.triage.Postings;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * Candidate-index storage on RocksDB with the layout of the window stores (key, timestamp, value in the key;
 * uncompressed, as Kafka Streams configures RocksDB; plus a prefix bloom filter, a 256 MB block cache, 256 MB
 * memtables and universal compaction, which Streams' defaults do not have), so that a benchmark can hold a million retained articles and measure their bytes
 * on disk. Document frequencies stay in memory (the vocabulary is small next to the rest).
 */
final class RocksStorage implements AutoCloseable {

    private static final byte BANDS = 1;
    private static final byte TERMS = 2;
    private static final byte ARTICLES = 3;

    private final RocksDB db;
    private final Options options;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final IndexedArticleSerde serde = new IndexedArticleSerde();
    private final DocumentFrequencies frequencies = DocumentFrequencies.inMemory();
    private final Postings bands = postings(BANDS);
    private final Postings terms = postings(TERMS);

    RocksStorage(Path dir) throws RocksDBException {
        RocksDB.loadLibrary();
        // A bloom filter on the (store, key) prefix: most band keys were never seen, and their seek then costs no
        // block read. The prefix is the 9 bytes of type and key; articles are looked up by exact key.
        BlockBasedTableConfig table = new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false))
                .setBlockCache(new LRUCache(256L << 20)).setWholeKeyFiltering(false);
        // Universal compaction and large memtables: this store is written far more than it is rewritten, and on
        // two cores leveled compaction's write amplification would measure compaction rather than the index.
        options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.NO_COMPRESSION)
                .useFixedLengthPrefixExtractor(9).setTableFormatConfig(table)
                .setCompactionStyle(CompactionStyle.UNIVERSAL).setWriteBufferSize(256L << 20)
                .setMaxWriteBufferNumber(3);
        readOptions = new ReadOptions().setPrefixSameAsStart(true);
        writeOptions = new WriteOptions().setDisableWAL(true); // as Streams does: the changelog is the log
        db = RocksDB.open(options, dir.toString());
    }

    private Postings postings(byte type) {
        return new Postings() {
            @Override
            public List<Posting> find(long key, long from, long to) {
                List<Posting> found = new ArrayList<>(2);
                byte[] start = ByteBuffer.allocate(17).put(type).putLong(key).putLong(Math.max(0, from)).array();
                try (RocksIterator it = db.newIterator(readOptions)) {
                    for (it.seek(start); it.isValid(); it.next()) {
                        ByteBuffer k = ByteBuffer.wrap(it.key());
                        if (k.get() != type || k.getLong() != key) {
                            break;
                        }
                        long ts = k.getLong();
                        if (ts > to) {
                            break;
                        }
                        found.add(new Posting(k.getLong(), ts));
                    }
                }
                return found;
            }

            @Override
            public void add(long key, long handle, long timestamp) {
                put(ByteBuffer.allocate(25).put(type).putLong(key).putLong(timestamp).putLong(handle).array(),
                        new byte[0]);
            }
        };
    }

    private void put(byte[] key, byte[] value) {
        try {
            db.put(writeOptions, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index storage over this database. */
    CandidateIndex.Storage storage() {
        return new CandidateIndex.Storage(bands, terms, new CandidateIndex.RetainedArticles() {
            @Override
            public IndexedArticle get(long handle, long timestamp) {
                try {
                    byte[] bytes = db.get(ByteBuffer.allocate(17).put(ARTICLES).putLong(handle).putLong(timestamp)
                            .array());
                    return bytes == null ? null : serde.deserializer().deserialize(null, bytes);
                } catch (RocksDBException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void put(IndexedArticle article) {
                RocksStorage.this.put(ByteBuffer.allocate(17).put(ARTICLES).putLong(Bands.handle(article.id()))
                        .putLong(article.timestamp()).array(), serde.serializer().serialize(null, article));
            }
        }, frequencies);
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
