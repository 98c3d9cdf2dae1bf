package dev.wirewatch.processing.story;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first story method: TF-IDF cosine over the words of title and body, with weights from the running document
 * frequencies, leaving out the words of edge paragraphs an earlier article had verbatim ({@link RepeatedParagraphs}).
 * An article is filed under its {@value #KEY_TERMS} heaviest terms.
 *
 * <p>Immutable and thread safe. Encodings: version 1 of each (features: term counts and edge paragraphs; profile:
 * the {@value #VECTOR_TERMS} heaviest term keys with float weights).
 */
public final class TfIdfStoryMethod implements StoryMethod<TfIdfStoryMethod.Features, TermVector> {

    /** Terms kept per article vector. */
    static final int VECTOR_TERMS = 100;
    /** Heaviest terms an article is filed under and looks candidates up by. */
    static final int KEY_TERMS = 20;

    private static final byte VERSION = 1;

    /** Word counts of title and body, and the body's edge paragraphs. */
    public record Features(TermCounts terms, List<Paragraph> edges) {
    }

    private final double threshold;

    /** @param threshold the cosine from which two articles are one story */
    public TfIdfStoryMethod(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "tfidf";
    }

    @Override
    public Features features(String title, String text) {
        String words = title == null ? text : title + "\n\n" + text;
        return new Features(TermCounts.of(words), RepeatedParagraphs.edges(text));
    }

    @Override
    public TermVector admit(Features features, DocumentFrequencies statistics, long timestamp) {
        long[] keys = RepeatedParagraphs.counted(features.terms(), features.edges());
        long[] counts = statistics.add(keys, timestamp);
        int words = features.terms().size(); // the word keys come first, ascending; the few paragraph keys after
        TermCounts story = RepeatedParagraphs.storyTerms(features.terms(), features.edges(), key -> {
            for (int i = words; i < keys.length; i++) {
                if (keys[i] == key) {
                    return counts[i];
                }
            }
            return 0;
        });
        return TermVectors.vectorize(story, key -> {
            int at = Arrays.binarySearch(keys, 0, words, key);
            return at < 0 ? 0 : counts[at];
        }, statistics.documents(), VECTOR_TERMS);
    }

    @Override
    public long[] candidateKeys(TermVector profile) {
        return profile.heaviest(KEY_TERMS);
    }

    @Override
    public double similarity(TermVector article, TermVector earlier) {
        return article.cosine(earlier);
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public byte[] encodeFeatures(Features features) {
        int size = 1 + 4 + 12 * features.terms().size() + 1;
        for (Paragraph p : features.edges()) {
            size += 8 + 4 + 12 * p.terms().size();
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION);
        putCounts(out, features.terms());
        out.put((byte) features.edges().size());
        for (Paragraph p : features.edges()) {
            out.putLong(p.key());
            putCounts(out, p.terms());
        }
        return out.array();
    }

    @Override
    public Features decodeFeatures(byte[] bytes) {
        try {
            ByteBuffer in = versioned(bytes);
            TermCounts terms = getCounts(in);
            int edges = in.get();
            List<Paragraph> paragraphs = new ArrayList<>(edges);
            for (int i = 0; i < edges; i++) {
                paragraphs.add(new Paragraph(in.getLong(), getCounts(in)));
            }
            return new Features(terms, paragraphs);
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("tfidf features of " + bytes.length + " bytes do not decode", e);
        }
    }

    @Override
    public byte[] encodeProfile(TermVector profile) {
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + 12 * profile.size()).put(VERSION)
                .putShort((short) profile.size());
        for (int i = 0; i < profile.size(); i++) {
            out.putLong(profile.keys()[i]).putFloat(profile.weights()[i]);
        }
        return out.array();
    }

    @Override
    public TermVector decodeProfile(byte[] bytes) {
        try {
            ByteBuffer in = versioned(bytes);
            int n = in.getShort() & 0xFFFF;
            long[] keys = new long[n];
            float[] weights = new float[n];
            for (int i = 0; i < n; i++) {
                keys[i] = in.getLong();
                weights[i] = in.getFloat();
            }
            return new TermVector(keys, weights);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tfidf profile of " + bytes.length + " bytes does not decode", e);
        }
    }

    private static ByteBuffer versioned(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("tfidf encoding version " + version + "; this build reads " + VERSION);
        }
        return in;
    }

    private static void putCounts(ByteBuffer out, TermCounts counts) {
        out.putInt(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            out.putLong(counts.keys()[i]).putInt(counts.counts()[i]);
        }
    }

    private static TermCounts getCounts(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / 12) {
            throw new IllegalArgumentException(n + " terms announced in " + in.remaining() + " bytes");
        }
        long[] keys = new long[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.getLong();
            counts[i] = in.getInt();
        }
        return new TermCounts(keys, counts);
    }
}
