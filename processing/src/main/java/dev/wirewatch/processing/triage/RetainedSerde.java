package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.Signature;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary encoding of {@link Retained}, the value triage keeps per retained article: a version byte, id,
 * timestamps, the low {@link Signature#BITS} bits of each MinHash value (all that {@link Signature#jaccard}
 * compares), the story method's profile bytes and the decision. Ids that are 32 lowercase hex digits (every
 * article's, {@code Article.idFor}) take 16 bytes, others their UTF-8.
 *
 * <p>Stateless and thread safe. Writes version 2 and reads versions 1 (ids as UTF-8, 16 bits a minimum) and 2;
 * refuses others with a {@link SerializationException}.
 */
public final class RetainedSerde implements Serde<Retained> {

    private static final byte VERSION = 2;
    private static final byte HEX_ID = 1;
    private static final byte UTF8_ID = 0;

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
        byte[] id = id(r.id());
        byte[] original = d.duplicateOf() == null ? id("") : id(d.duplicateOf());
        byte[] rule = utf8(d.rule());
        byte[] story = id(d.storyId());
        ByteBuffer out = ByteBuffer.allocate(1 + id.length + 8 + 1 + 8 + 4 + 2 + r.mins().length
                + 4 + r.profile().length + original.length + 4 + 2 + rule.length + story.length + 4);
        out.put(VERSION).put(id).putLong(r.timestamp())
                .put((byte) (r.publishedAt() == null ? 0 : 1))
                .putLong(r.publishedAt() == null ? 0 : r.publishedAt())
                .putInt(r.shingles())
                .putShort((short) r.mins().length);
        for (int min : r.mins()) {
            out.put((byte) min);
        }
        out.putInt(r.profile().length).put(r.profile());
        out.put(original).putFloat((float) d.similarity());
        out.putShort((short) rule.length).put(rule).put(story).putFloat((float) d.storySimilarity());
        return out.array();
    }

    static Retained read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != 1 && version != VERSION) {
                throw new SerializationException("retained article of encoding version " + version + "; this build "
                        + "reads 1 and " + VERSION);
            }
            boolean v1 = version == 1;
            String id = v1 ? string(in) : id(in);
            long timestamp = in.getLong();
            boolean hasPublished = in.get() != 0;
            long published = in.getLong();
            int shingles = in.getInt();
            int[] mins = new int[Short.toUnsignedInt(in.getShort())];
            for (int i = 0; i < mins.length; i++) {
                mins[i] = v1 ? Short.toUnsignedInt(in.getShort()) : Byte.toUnsignedInt(in.get());
            }
            int profileLength = in.getInt();
            if (profileLength < 0 || profileLength > in.remaining()) {
                throw new SerializationException("profile of " + profileLength + " bytes in " + in.remaining());
            }
            byte[] profile = new byte[profileLength];
            in.get(profile);
            String original = v1 ? string(in) : id(in);
            double similarity = in.getFloat();
            String rule = string(in);
            String story = v1 ? string(in) : id(in);
            double storySimilarity = in.getFloat();
            return new Retained(id, timestamp, hasPublished ? published : null, mins, shingles, profile,
                    new Decision(id, timestamp, original.isEmpty() ? null : original, similarity, rule, story,
                            storySimilarity));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("not a retained article: " + e, e);
        }
    }

    /** An id: 32 lowercase hex digits as a tag and 16 bytes, anything else as a tag, a length and its UTF-8. */
    private static byte[] id(String id) {
        if (id.length() == 32 && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            byte[] out = new byte[17];
            out[0] = HEX_ID;
            byte[] raw = HexFormat.of().parseHex(id);
            System.arraycopy(raw, 0, out, 1, 16);
            return out;
        }
        byte[] utf8 = utf8(id);
        return ByteBuffer.allocate(3 + utf8.length).put(UTF8_ID).putShort((short) utf8.length).put(utf8).array();
    }

    private static String id(ByteBuffer in) {
        byte tag = in.get();
        if (tag == HEX_ID) {
            byte[] raw = new byte[16];
            in.get(raw);
            return HexFormat.of().formatHex(raw);
        }
        if (tag != UTF8_ID) {
            throw new SerializationException("an id tagged " + tag);
        }
        return string(in);
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
