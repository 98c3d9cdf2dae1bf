package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.TermVector;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary encoding of {@link IndexedArticle}, the value the candidate index keeps per retained article
 * (JSON took about 5 KB; this about 1.7 KB): a version byte, id, timestamps, the low 16 bits of each MinHash value
 * (all that {@link dev.wirewatch.processing.dedup.Signature#jaccard} compares) and the vector's term keys with float
 * weights.
 *
 * <p>Stateless and thread safe. Writes version 2; reads 2 and 1 (terms as strings, which stores written before
 * version 2 still hold until they expire); refuses others with a {@link SerializationException}.
 */
public final class IndexedArticleSerde implements Serde<IndexedArticle> {

    private static final byte VERSION = 2;
    private static final byte STRING_TERMS = 1;

    @Override
    public Serializer<IndexedArticle> serializer() {
        return (topic, article) -> article == null ? null : write(article);
    }

    @Override
    public Deserializer<IndexedArticle> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(IndexedArticle a) {
        byte[] id = a.id().getBytes(StandardCharsets.UTF_8);
        if (id.length > 0xFFFF) {
            throw new SerializationException("article id of " + id.length + " bytes; at most 65,535 are stored");
        }
        TermVector vector = a.vector();
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + id.length + 8 + 1 + 8 + 4 + 2 + 2 * a.mins().length + 2
                + 12 * vector.size());
        out.put(VERSION).putShort((short) id.length).put(id).putLong(a.timestamp())
                .put((byte) (a.publishedAt() == null ? 0 : 1))
                .putLong(a.publishedAt() == null ? 0 : a.publishedAt())
                .putInt(a.shingles())
                .putShort((short) a.mins().length);
        for (int min : a.mins()) {
            out.putShort((short) min);
        }
        out.putShort((short) vector.size());
        for (int i = 0; i < vector.size(); i++) {
            out.putLong(vector.keys()[i]).putFloat(vector.weights()[i]);
        }
        return out.array();
    }

    static IndexedArticle read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version == STRING_TERMS) {
                return readStringTerms(bytes);
            }
            if (version != VERSION) {
                throw new SerializationException("retained article of encoding version " + version + ", this build "
                        + "reads " + STRING_TERMS + " and " + VERSION);
            }
            byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(id);
            long timestamp = in.getLong();
            boolean hasPublished = in.get() != 0;
            long published = in.getLong();
            int shingles = in.getInt();
            int[] mins = new int[Short.toUnsignedInt(in.getShort())];
            for (int i = 0; i < mins.length; i++) {
                mins[i] = Short.toUnsignedInt(in.getShort());
            }
            long[] keys = new long[Short.toUnsignedInt(in.getShort())];
            float[] weights = new float[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = in.getLong();
                weights[i] = in.getFloat();
            }
            return new IndexedArticle(new String(id, StandardCharsets.UTF_8), timestamp,
                    hasPublished ? published : null, mins, shingles, new TermVector(keys, weights));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("not a retained article: " + e, e);
        }
    }

    /** Version 1: Java's modified UTF-8 for the id and each term. */
    private static IndexedArticle readStringTerms(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readByte();
            String id = in.readUTF();
            long timestamp = in.readLong();
            boolean hasPublished = in.readBoolean();
            long published = in.readLong();
            int shingles = in.readInt();
            int[] mins = new int[in.readUnsignedShort()];
            for (int i = 0; i < mins.length; i++) {
                mins[i] = in.readUnsignedShort();
            }
            int terms = in.readUnsignedShort();
            Map<String, Double> vector = new LinkedHashMap<>();
            for (int i = 0; i < terms; i++) {
                vector.put(in.readUTF(), (double) in.readFloat());
            }
            return new IndexedArticle(id, timestamp, hasPublished ? published : null, mins, shingles,
                    TermVector.of(vector));
        } catch (IOException e) {
            throw new SerializationException("not a retained article: " + e.getMessage(), e);
        }
    }
}
