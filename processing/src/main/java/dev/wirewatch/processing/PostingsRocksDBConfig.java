package dev.wirewatch.processing;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB settings for triage's posting store (the LSH bands'; the story keys' are kept in memory), which is only
 * read by a range of one key: its keys' first 8 bytes (the posting key; Streams appends the time and a sequence
 * number) become RocksDB's prefix, so that the bloom filter of each file also holds those prefixes and a look-up
 * skips every file without the key. Most of an article's 42 look-ups find nothing (its band keys are new), and without
 * the prefix each one searched every file of every segment it spans (BENCHMARKS.md: 431 → 532 articles/s with
 * 200,000 retained). Every other store keeps Streams' defaults. Safe because this store is only read by one
 * key's time range ({@code fetch}, {@code backwardFetch}), never by a key range or {@code all()}; and its keys
 * are {@code Long}s, 8 bytes, so the prefix never takes in Streams' timestamp.
 *
 * <p>Streams makes one instance per store; stateless.
 */
public final class PostingsRocksDBConfig implements RocksDBConfigSetter {

    private static final int PREFIX_BYTES = Long.BYTES;

    private static final String POSTINGS = ProcessingTopology.TRIAGE_STORES.bands();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (isPostings(storeName)) {
            options.useFixedLengthPrefixExtractor(PREFIX_BYTES);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing of its own to close: the prefix extractor belongs to the options
    }

    /** Whether {@code storeName} is a posting store or one of its segments ({@code name.segmentId}). */
    public static boolean isPostings(String storeName) {
        return storeName.equals(POSTINGS) || storeName.startsWith(POSTINGS + ".");
    }
}
