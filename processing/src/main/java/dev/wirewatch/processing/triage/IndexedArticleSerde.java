package dev.wirewatch.processing.triage;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary encoding of {@link IndexedArticle}, the value the candidate index keeps per retained article
 * (JSON took about 5 KB; this about 1.7 KB): a version byte, id, timestamps, the low 16 bits of each MinHash value
 * (all that {@link dev.wirewatch.processing.dedup.Signature#jaccard} compares) and the vector's terms with float
 * weights.
 *
 * <p>Stateless and thread safe. Version 1; a reader refuses other versions with a {@link SerializationException}.
 */
public final class IndexedArticleSerde implements Serde<IndexedArticle> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<IndexedArticle> serializer() {
        return (topic, article) -> article == null ? null : write(article);
    }

    @Override
    public Deserializer<IndexedArticle> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(IndexedArticle a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 16 * a.vector().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(a.id());
            out.writeLong(a.timestamp());
            out.writeBoolean(a.publishedAt() != null);
            out.writeLong(a.publishedAt() == null ? 0 : a.publishedAt());
            out.writeInt(a.shingles());
            out.writeShort(a.mins().length);
            for (int min : a.mins()) {
                out.writeShort(min);
            }
            out.writeShort(a.vector().size());
            for (Map.Entry<String, Double> term : a.vector().entrySet()) {
                out.writeUTF(term.getKey());
                out.writeFloat(term.getValue().floatValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static IndexedArticle read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("retained article of encoding version " + version + ", this build "
                        + "reads " + VERSION);
            }
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
            return new IndexedArticle(id, timestamp, hasPublished ? published : null, mins, shingles, vector);
        } catch (IOException e) {
            throw new SerializationException("not a retained article: " + e.getMessage(), e);
        }
    }
}
