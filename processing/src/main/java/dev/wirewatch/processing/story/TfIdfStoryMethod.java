package dev.wirewatch.processing.story;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The first story method: TF-IDF cosine over the words of title and body, with weights from the running document
 * frequencies, leaving out the words of edge paragraphs ({@link RepeatedParagraphs}) and edge passages
 * ({@link RepeatedPassages}) an earlier article had verbatim. An article is filed under its {@value #KEY_TERMS}
 * heaviest terms.
 *
 * <p>Immutable and thread safe. Encodings: features version 2 (term counts, edge paragraphs, edge passages; version
 * 1, without the passages, is still read), profile version 2 (the {@value #VECTOR_TERMS} heaviest terms, compact:
 * {@link TermVector#compact()}; version 1, full keys and float weights, is still read).
 */
public final class TfIdfStoryMethod implements StoryMethod<TfIdfStoryMethod.Features, TermVector> {

    /** Terms kept per article vector. */
    static final int VECTOR_TERMS = 100;
    /** Heaviest terms an article is filed under and looks candidates up by. */
    static final int KEY_TERMS = 20;

    private static final byte FEATURES_VERSION = 2;
    private static final byte PROFILE_VERSION = 2;
    /** An edge word that is no term, on the wire. */
    private static final char NO_TERM = 0xFFFF;

    /** Word counts of title and body, and the body's edge paragraphs and passages. */
    public record Features(TermCounts terms, List<Paragraph> edges, RepeatedPassages.Edges passages) {
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
        TermCounts terms = TermCounts.of(words);
        return new Features(terms, RepeatedParagraphs.edges(text), RepeatedPassages.edges(text, terms));
    }

    @Override
    public TermVector admit(Features features, DocumentFrequencies statistics, long timestamp) {
        TermCounts terms = features.terms();
        long[] counts = statistics.add(terms.keys(), timestamp);
        long[] paragraphs = RepeatedParagraphs.counted(features.edges());
        long[] passages = RepeatedPassages.counted(features.passages());
        long[] fingerprints = Arrays.copyOf(paragraphs, paragraphs.length + passages.length);
        System.arraycopy(passages, 0, fingerprints, paragraphs.length, passages.length);
        boolean[] known = statistics.seenBefore(fingerprints, timestamp);
        LongPredicate seen = key -> {
            for (int i = 0; i < fingerprints.length; i++) {
                if (fingerprints[i] == key) {
                    return known[i];
                }
            }
            return false;
        };
        int[] byParagraphs = new int[terms.size()];
        int[] byPassages = new int[terms.size()];
        boolean repeated = RepeatedParagraphs.repeatedWords(features.edges(), terms, byParagraphs, seen);
        repeated |= RepeatedPassages.repeatedWords(features.passages(), byPassages, seen);
        return TermVectors.vectorize(repeated ? less(terms, byParagraphs, byPassages) : terms, key -> {
            int at = Arrays.binarySearch(terms.keys(), key);
            return at < 0 ? 0 : counts[at];
        }, statistics.documents(), VECTOR_TERMS).compact(); // compared as it is stored
    }

    /**
     * {@code terms} less, for each term, the larger of its two removals: a word in a repeated paragraph is in that
     * paragraph's repeated shingles too, and is taken away once.
     */
    private static TermCounts less(TermCounts terms, int[] byParagraphs, int[] byPassages) {
        int[] left = terms.counts().clone();
        for (int i = 0; i < left.length; i++) {
            left[i] = Math.max(0, left[i] - Math.max(byParagraphs[i], byPassages[i]));
        }
        return terms.withCounts(left);
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
        RepeatedPassages.Edges passages = features.passages();
        int size = 1 + 4 + 12 * features.terms().size() + 1;
        for (Paragraph p : features.edges()) {
            size += 8 + 4 + 12 * p.terms().size();
        }
        size += 4 + 2 * passages.words().length + 4 + 4 + 12 * passages.keys().length;
        ByteBuffer out = ByteBuffer.allocate(size).put(FEATURES_VERSION);
        putCounts(out, features.terms());
        out.put((byte) features.edges().size());
        for (Paragraph p : features.edges()) {
            out.putLong(p.key());
            putCounts(out, p.terms());
        }
        out.putInt(passages.words().length);
        for (int word : passages.words()) {
            out.putChar(word < 0 || word >= NO_TERM ? NO_TERM : (char) word); // beyond 65,534 terms: left alone
        }
        out.putInt(passages.head()).putInt(passages.keys().length);
        for (int i = 0; i < passages.keys().length; i++) {
            out.putLong(passages.keys()[i]).putInt(passages.starts()[i]);
        }
        return out.array();
    }

    @Override
    public Features decodeFeatures(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = version(in, FEATURES_VERSION);
            TermCounts terms = getCounts(in);
            int edges = in.get();
            List<Paragraph> paragraphs = new ArrayList<>(edges);
            for (int i = 0; i < edges; i++) {
                paragraphs.add(new Paragraph(in.getLong(), getCounts(in)));
            }
            return new Features(terms, paragraphs,
                    version == 1 ? RepeatedPassages.Edges.NONE : getPassages(in, terms.size()));
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("tfidf features of " + bytes.length + " bytes do not decode", e);
        }
    }

    /** Version 2: each term as the upper 32 bits of its key and a 16-bit weight ({@link TermVector#compact()}). */
    @Override
    public byte[] encodeProfile(TermVector profile) {
        TermVector compact = profile.compact();
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + 6 * compact.size()).put(PROFILE_VERSION)
                .putShort((short) compact.size());
        for (int i = 0; i < compact.size(); i++) {
            out.putInt((int) (compact.keys()[i] >>> 32)).putChar((char) TermVector.step(compact.weights()[i]));
        }
        return out.array();
    }

    /** Reads version 2, and version 1 (full keys, float weights) as its compact form. */
    @Override
    public TermVector decodeProfile(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = version(in, PROFILE_VERSION);
            int n = in.getShort() & 0xFFFF;
            long[] keys = new long[n];
            float[] weights = new float[n];
            for (int i = 0; i < n; i++) {
                if (version == 1) {
                    keys[i] = in.getLong();
                    weights[i] = in.getFloat();
                } else {
                    keys[i] = (long) in.getInt() << 32;
                    weights[i] = TermVector.weight(in.getChar());
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after " + n + " terms");
            }
            TermVector vector = new TermVector(keys, weights);
            return version == 1 ? vector.compact() : vector;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tfidf profile of " + bytes.length + " bytes does not decode", e);
        }
    }

    /** The version byte {@code in} starts with: 1 or {@code newest}, else refused. */
    private static byte version(ByteBuffer in, byte newest) {
        byte version = in.get();
        if (version != 1 && version != newest) {
            throw new IllegalArgumentException("tfidf encoding version " + version + "; this build reads 1 and "
                    + newest);
        }
        return version;
    }

    private static RepeatedPassages.Edges getPassages(ByteBuffer in, int terms) {
        int[] words = new int[length(in, 2)];
        for (int i = 0; i < words.length; i++) {
            char word = in.getChar();
            if (word != NO_TERM && word >= terms) {
                throw new IllegalArgumentException("edge word of term " + (int) word + " among " + terms);
            }
            words[i] = word == NO_TERM ? -1 : word;
        }
        int head = in.getInt();
        long[] keys = new long[length(in, 12)];
        int[] starts = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.getLong();
            starts[i] = in.getInt();
        }
        return new RepeatedPassages.Edges(words, head, keys, starts);
    }

    /** A length announced in {@code in}, checked against what is left of it at {@code bytes} per entry. */
    private static int length(ByteBuffer in, int bytes) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / bytes) {
            throw new IllegalArgumentException(n + " entries announced in " + in.remaining() + " bytes");
        }
        return n;
    }

    private static void putCounts(ByteBuffer out, TermCounts counts) {
        out.putInt(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            out.putLong(counts.keys()[i]).putInt(counts.counts()[i]);
        }
    }

    private static TermCounts getCounts(ByteBuffer in) {
        int n = length(in, 12);
        long[] keys = new long[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.getLong();
            counts[i] = in.getInt();
        }
        return new TermCounts(keys, counts);
    }
}
