package dev.wirewatch.processing.triage;

import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.processing.mention.TopicHit;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A binary encoding of {@link TriageItem} for the {@code triage-input} topic: an encoding byte, then the header, the
 * features (MinHash values as four bytes each) and the topic hits. Why not JSON as everywhere else: the single writer
 * reads every item, and parsing 252 numbers and a base64 block per article was a sixth of its time.
 *
 * <p>Stateless and thread safe. Writes encoding {@value #ENCODING}; reads it and the JSON of earlier builds (bytes
 * starting with '{'), so items already on the topic stay readable. Anything else is refused with a
 * {@link SerializationException} that says why (the deserialization handler then dead-letters the record).
 */
public final class TriageItemSerde implements Serde<TriageItem> {

    /** The first byte of every item this build writes; JSON always starts with '{'. */
    static final byte ENCODING = 2;
    /** The most list entries or bytes one field may announce: far more than any real item has. */
    private static final int MAX_LENGTH = 1 << 24;

    private static final JsonSerde<TriageItem> EARLIER = new JsonSerde<>(TriageItem.class);

    @Override
    public Serializer<TriageItem> serializer() {
        return (topic, item) -> item == null ? null : write(item);
    }

    @Override
    public Deserializer<TriageItem> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(TriageItem item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 4 * mins(item));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ENCODING);
            out.writeInt(item.schemaVersion());
            string(out, item.articleId());
            string(out, item.url());
            string(out, item.title());
            string(out, item.source());
            out.writeBoolean(item.publishedAt() != null);
            if (item.publishedAt() != null) {
                out.writeLong(item.publishedAt().getEpochSecond());
                out.writeInt(item.publishedAt().getNano());
            }
            ArticleFeatures f = item.features();
            out.writeBoolean(f != null);
            if (f != null) {
                string(out, f.contentHash());
                out.writeInt(f.mins().length);
                for (int min : f.mins()) {
                    out.writeInt(min);
                }
                out.writeInt(f.shingles());
                out.writeInt(f.story().length);
                out.write(f.story());
            }
            out.writeInt(item.hits().size());
            for (TopicHit hit : item.hits()) {
                string(out, hit.topicId());
                string(out, hit.topicName());
                string(out, hit.snippet());
                strings(out, hit.matchedTerms());
                strings(out, hit.labels());
                out.writeBoolean(hit.urgent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static TriageItem read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return EARLIER.read(bytes);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte encoding = in.get();
            if (encoding != ENCODING) {
                throw new SerializationException("triage item of encoding " + encoding + "; this build reads "
                        + ENCODING + " and JSON");
            }
            int schemaVersion = in.getInt();
            String articleId = string(in);
            String url = string(in);
            String title = string(in);
            String source = string(in);
            Instant publishedAt = in.get() != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
            ArticleFeatures features = null;
            if (in.get() != 0) {
                String contentHash = string(in);
                int[] mins = new int[length(in, 4)];
                for (int i = 0; i < mins.length; i++) {
                    mins[i] = in.getInt();
                }
                int shingles = in.getInt();
                byte[] story = new byte[length(in, 1)];
                in.get(story);
                features = new ArticleFeatures(contentHash, mins, shingles, story);
            }
            int hitCount = length(in, 1);
            List<TopicHit> hits = new ArrayList<>(hitCount);
            for (int i = 0; i < hitCount; i++) {
                hits.add(new TopicHit(string(in), string(in), string(in), strings(in), strings(in), in.get() != 0));
            }
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " bytes left after the item");
            }
            return new TriageItem(schemaVersion, articleId, url, title, source, publishedAt, features, hits);
        } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new SerializationException("not a valid TriageItem: " + e, e);
        }
    }

    private static int mins(TriageItem item) {
        return item.features() == null ? 0 : item.features().mins().length;
    }

    /** A string as its UTF-8 length and bytes; null as length -1. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        byte[] b = new byte[checked(length, in.remaining())];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> strings(ByteBuffer in) {
        int count = length(in, 4);
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(string(in));
        }
        return list;
    }

    /** A count of entries of at least {@code entryBytes} each, checked against what is left. */
    private static int length(ByteBuffer in, int entryBytes) {
        int count = in.getInt();
        checked(count, in.remaining() / entryBytes);
        return count;
    }

    private static int checked(int length, int available) {
        if (length < 0 || length > MAX_LENGTH || length > available) {
            throw new SerializationException("a field announces " + length + " entries or bytes; " + available
                    + " can follow");
        }
        return length;
    }
}
