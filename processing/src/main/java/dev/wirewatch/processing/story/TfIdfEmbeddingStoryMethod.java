package dev.wirewatch.processing.story;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The story method: the words' TF-IDF cosine ({@link TfIdfStoryMethod}) for every article, and for articles in a
 * language the sentence-embedding model serves, the cosine of the embeddings of their title and lead as well.
 *
 * <p>Why both, and why the embedding only adds: the embedding finds retellings that share few words (the demo's
 * "analysis" rewrites score 0.16–0.26 against their reports by words, far more by embedding), but one subject
 * makes every article alike to it — in the demo's single-subject stream, articles of different events score nearly
 * as high as retellings — while the dev pairs' different stories are mostly far apart and would put its threshold
 * much lower. So the embedding joins a pair on its own only above what keeps different events of one subject apart
 * (fitted on the project's fixtures), and only when the words share at least the lexical floor; a lower embedding
 * cosine (the supported threshold) joins a pair whose words agree too (the supporting lexical cosine, under the
 * words' own threshold); otherwise the words decide as they would alone. An English model says little about other
 * languages, so articles are routed by {@link LanguageGuess}: only those in a configured language, and whose lead
 * the model can read ({@link SentenceEmbedder#knownShare} at least {@value #MIN_KNOWN_SHARE}), are embedded.
 * {@code StoryFit} fits every threshold (BENCHMARKS.md).
 *
 * <p>Candidates come from both: the heaviest terms and the embedding's buckets ({@link EmbeddingBuckets}).
 *
 * <p>{@link #similarity} is on one scale for every path: each signal divided by its threshold, the largest, so
 * 1.0 is where a pair becomes one story ({@link #threshold()}).
 *
 * <p>Immutable and thread safe. Encodings: version 1 of each (features: the TF-IDF features, the guessed language,
 * the embedding in bytes; profile: the TF-IDF vector and the embedding).
 */
public final class TfIdfEmbeddingStoryMethod
        implements StoryMethod<TfIdfEmbeddingStoryMethod.Features, TfIdfEmbeddingStoryMethod.Profile> {

    private static final byte VERSION = 1;
    /**
     * The least share of a lead's words the model must know whole to be asked about it: real English news leads
     * have 0.75 or more on the dev pairs (median 0.94), made-up words or another language far less (German 0.38,
     * Polish 0.21), and embeddings of text the model cannot read look alike whatever it says.
     */
    static final double MIN_KNOWN_SHARE = 0.7;
    private static final byte[] NONE = new byte[0];

    /** The words' features, the guessed language ({@link LanguageGuess#UNKNOWN} if none) and the embedding. */
    public record Features(TfIdfStoryMethod.Features words, String language, byte[] embedding) {
    }

    /** The words' vector and the embedding ({@link Embedding8}; empty when the article was not embedded). */
    public record Profile(TermVector words, byte[] embedding) {
    }

    /** Where the embedding signal applies and how it decides. */
    public record EmbeddingSignal(SentenceEmbedder embedder, Set<String> languages, double threshold,
                                  double lexicalFloor, double supportedThreshold, double supportingLexical,
                                  int leadWords, boolean alertingOnly) {
        public EmbeddingSignal {
            languages = Set.copyOf(languages);
        }
    }

    private final TfIdfStoryMethod words;
    private final EmbeddingSignal embedding;

    /** @param embedding null for the words alone */
    public TfIdfEmbeddingStoryMethod(TfIdfStoryMethod words, EmbeddingSignal embedding) {
        this.words = words;
        this.embedding = embedding;
    }

    @Override
    public String name() {
        return "tfidf-embedding";
    }

    @Override
    public Features features(String title, String text) {
        return features(title, text, true);
    }

    /** Embeds only alerting articles when the signal says {@code alertingOnly}: the embedding is the costly part. */
    @Override
    public Features features(String title, String text, boolean alerting) {
        String language = LanguageGuess.of(text);
        byte[] embedded = NONE;
        if (embedding != null && embedding.languages().contains(language) && (alerting
                || !embedding.alertingOnly())) {
            String lead = lead(title, text, embedding.leadWords());
            if (embedding.embedder().knownShare(lead) >= MIN_KNOWN_SHARE) {
                embedded = Embedding8.of(embedding.embedder().embed(lead));
            }
        }
        return new Features(words.features(title, text), language, embedded);
    }

    @Override
    public Profile admit(Features features, DocumentFrequencies statistics, long timestamp) {
        return new Profile(words.admit(features.words(), statistics, timestamp), features.embedding());
    }

    @Override
    public long[] candidateKeys(Profile profile) {
        long[] lexical = words.candidateKeys(profile.words());
        long[] buckets = EmbeddingBuckets.keys(profile.embedding());
        long[] keys = java.util.Arrays.copyOf(lexical, lexical.length + buckets.length);
        System.arraycopy(buckets, 0, keys, lexical.length, buckets.length);
        return keys;
    }

    @Override
    public double similarity(Profile article, Profile earlier) {
        double lexical = article.words().cosine(earlier.words());
        double score = lexical / words.threshold();
        if (embedding != null && lexical >= embedding.lexicalFloor()) {
            double embedded = Embedding8.cosine(article.embedding(), earlier.embedding()); // 0 unless both were
            score = Math.max(score, embedded / embedding.threshold());
            if (lexical >= embedding.supportingLexical()) {
                score = Math.max(score, embedded / embedding.supportedThreshold());
            }
        }
        return score;
    }

    @Override
    public double threshold() {
        return 1.0;
    }

    /** The title and the first {@code leadWords} words of the text: what is embedded. */
    static String lead(String title, String text, int leadWords) {
        StringBuilder lead = new StringBuilder(title == null ? "" : title.strip());
        int words = 0;
        int at = 0;
        while (words < leadWords && at < text.length()) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            int end = at;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end > at) {
                lead.append(lead.isEmpty() ? "" : " ").append(text, at, end);
                words++;
            }
            at = end;
        }
        return lead.toString();
    }

    @Override
    public byte[] encodeFeatures(Features features) {
        byte[] inner = words.encodeFeatures(features.words());
        byte[] language = features.language().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 4 + inner.length + 1 + language.length + 2 + features.embedding().length)
                .put(VERSION).putInt(inner.length).put(inner)
                .put((byte) language.length).put(language)
                .putShort((short) features.embedding().length).put(features.embedding()).array();
    }

    @Override
    public Features decodeFeatures(byte[] bytes) {
        try {
            ByteBuffer in = versioned(bytes);
            TfIdfStoryMethod.Features inner = words.decodeFeatures(block(in, in.getInt()));
            String language = new String(block(in, in.get()), StandardCharsets.US_ASCII);
            return new Features(inner, language, block(in, in.getShort() & 0xFFFF));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tfidf-embedding features of " + bytes.length
                    + " bytes do not decode: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodeProfile(Profile profile) {
        byte[] inner = words.encodeProfile(profile.words());
        return ByteBuffer.allocate(1 + 4 + inner.length + 2 + profile.embedding().length)
                .put(VERSION).putInt(inner.length).put(inner)
                .putShort((short) profile.embedding().length).put(profile.embedding()).array();
    }

    @Override
    public Profile decodeProfile(byte[] bytes) {
        try {
            ByteBuffer in = versioned(bytes);
            TermVector inner = words.decodeProfile(block(in, in.getInt()));
            return new Profile(inner, block(in, in.getShort() & 0xFFFF));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tfidf-embedding profile of " + bytes.length
                    + " bytes does not decode: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer versioned(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("encoding version " + version + "; this build reads " + VERSION);
        }
        return in;
    }

    private static byte[] block(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException(length + " bytes announced in " + in.remaining());
        }
        byte[] block = new byte[length];
        in.get(block);
        return block;
    }
}
