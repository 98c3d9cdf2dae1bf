package dev.wirewatch.processing.triage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary encoding of {@link Retained}, the value triage keeps per retained article: a version byte, id,
 * timestamps, the low 16 bits of each MinHash value (all that {@link dev.wirewatch.processing.dedup.Signature#jaccard}
 * compares), the story method's profile bytes and the decision.
 *
 * <p>Stateless and thread safe. Writes and reads version 1; refuses others with a {@link SerializationException}.
 */
public final class RetainedSerde implements Serde<Retained> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<Retained> serializer() {
        return (topic, retained) -> retained == null ? null : write(retained);
    }

    @Override
    public Deserializer<Retained> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(Retained r) {
        Decision d = r.decision();
        byte[] id = utf8(r.id());
        byte[] original = d.duplicateOf() == null ? new byte[0] : utf8(d.duplicateOf());
        byte[] rule = utf8(d.rule());
        byte[] story = utf8(d.storyId());
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + id.length + 8 + 1 + 8 + 4 + 2 + 2 * r.mins().length
                + 4 + r.profile().length + 2 + original.length + 4 + 2 + rule.length + 2 + story.length + 4);
        out.put(VERSION).putShort((short) id.length).put(id).putLong(r.timestamp())
                .put((byte) (r.publishedAt() == null ? 0 : 1))
                .putLong(r.publishedAt() == null ? 0 : r.publishedAt())
                .putInt(r.shingles())
                .putShort((short) r.mins().length);
        for (int min : r.mins()) {
            out.putShort((short) min);
        }
        out.putInt(r.profile().length).put(r.profile());
        out.putShort((short) original.length).put(original).putFloat((float) d.similarity());
        out.putShort((short) rule.length).put(rule).putShort((short) story.length).put(story)
                .putFloat((float) d.storySimilarity());
        return out.array();
    }

    static Retained read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("retained article of encoding version " + version + "; this build "
                        + "reads " + VERSION);
            }
            String id = string(in);
            long timestamp = in.getLong();
            boolean hasPublished = in.get() != 0;
            long published = in.getLong();
            int shingles = in.getInt();
            int[] mins = new int[Short.toUnsignedInt(in.getShort())];
            for (int i = 0; i < mins.length; i++) {
                mins[i] = Short.toUnsignedInt(in.getShort());
            }
            int profileLength = in.getInt();
            if (profileLength < 0 || profileLength > in.remaining()) {
                throw new SerializationException("profile of " + profileLength + " bytes in " + in.remaining());
            }
            byte[] profile = new byte[profileLength];
            in.get(profile);
            String original = string(in);
            double similarity = in.getFloat();
            String rule = string(in);
            String story = string(in);
            double storySimilarity = in.getFloat();
            return new Retained(id, timestamp, hasPublished ? published : null, mins, shingles, profile,
                    new Decision(id, timestamp, original.isEmpty() ? null : original, similarity, rule, story,
                            storySimilarity));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("not a retained article: " + e, e);
        }
    }

    private static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new SerializationException("a value of " + b.length + " bytes; at most 65,535 are stored");
        }
        return b;
    }

    private static String string(ByteBuffer in) {
        byte[] b = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
