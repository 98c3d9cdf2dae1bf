package dev.wirewatch.processing.story;

/**
 * Candidate keys for embeddings: random-hyperplane locality-sensitive hashing (SimHash). Each of {@value #TABLES}
 * tables takes the signs of {@value #BITS} random projections as its bucket, so two embeddings land in one bucket
 * of some table with a probability that grows with their cosine: about 0.97 at 0.8 (a retelling), 0.4 at 0.3.
 * Without these keys a retelling that shares few heavy words with its story would never be compared at all.
 *
 * <p>The hyperplanes have ±1 components drawn from a fixed seed, so every build and every instance files an
 * embedding under the same keys. Stateless and thread safe.
 */
public final class EmbeddingBuckets {

    static final int TABLES = 12;
    static final int BITS = 6;
    /** Keeps bucket keys apart from the term keys they share the postings with. */
    private static final long NAMESPACE = 0x5EEDB0C4E7L;

    private EmbeddingBuckets() {
    }

    /** The bucket keys of {@code embedding} ({@link Embedding8}); none for an empty one. */
    public static long[] keys(byte[] embedding) {
        if (embedding.length == 0) {
            return new long[0];
        }
        long[] keys = new long[TABLES];
        for (int table = 0; table < TABLES; table++) {
            int bucket = 0;
            for (int bit = 0; bit < BITS; bit++) {
                long plane = NAMESPACE + 1_000L * table + bit;
                long dot = 0;
                for (int block = 0; block * 64 < embedding.length; block++) {
                    // one pseudo-random sign per (plane, dimension): the 64 bits of a mix give 64 dimensions
                    long signs = TermVector.mix(plane * 31 + block);
                    for (int i = block * 64; i < Math.min(embedding.length, block * 64 + 64); i++) {
                        dot += ((signs >>> (i & 63)) & 1) == 0 ? embedding[i] : -embedding[i];
                    }
                }
                bucket = bucket << 1 | (dot >= 0 ? 1 : 0);
            }
            keys[table] = TermVector.mix(NAMESPACE ^ ((long) table << 32 | bucket));
        }
        return keys;
    }
}
