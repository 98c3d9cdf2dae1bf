package dev.wirewatch.processing.story;

import dev.wirewatch.model.ContentHash;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;


/**
 * TF-IDF term vectors over a running document frequency: every text seen updates the counts, so weights adapt to
 * the stream (a word in every article, or in every page of one site's chrome, weighs less and less).
 *
 * <p>Stateless and thread safe; the counts live in a {@link DocumentFrequencies}.
 */
public final class TermVectors {

    private static final Set<String> STOP_WORDS = Set.of(
            "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from", "as", "is", "are",
            "was", "were", "be", "been", "being", "has", "have", "had", "that", "this", "these", "those", "it", "its",
            "their", "his", "her", "they", "he", "she", "we", "you", "i", "not", "but", "which", "who", "whom", "will",
            "would", "said", "says", "also", "than", "more", "after", "over", "into", "about", "there", "them", "our",
            "can", "could", "may", "might", "if", "so", "no", "up", "out", "do", "did", "does", "what", "when", "where",
            "how", "all", "any", "some", "such", "other", "one", "new", "s", "t");

    private TermVectors() {
    }

    /**
     * Words are cut to their first {@value #STEM_LENGTH} letters: a stemmer for every language at once, crude but
     * measured better than whole words and than Lucene's per-language stemmers on the dev pairs of seven languages
     * (BENCHMARKS.md), and it needs no language guess.
     */
    static final int STEM_LENGTH = 5;

    /** How often each word stem of {@code text} occurs, stop words and one-letter words left out. */
    public static Map<String, Integer> termFrequencies(String text) {
        Map<String, Integer> tf = new HashMap<>();
        for (String token : ContentHash.normalize(text).split(" ")) {
            if (isTerm(token)) {
                tf.merge(stem(token), 1, Integer::sum);
            }
        }
        return tf;
    }

    /** Whether a normalized word counts as a term: not a stop word, longer than one letter. */
    static boolean isTerm(String token) {
        return token.length() > 1 && !STOP_WORDS.contains(token);
    }

    /** The term a normalized word counts as: its first {@value #STEM_LENGTH} letters. */
    static String stem(String word) {
        return word.codePointCount(0, word.length()) <= STEM_LENGTH ? word
                : word.substring(0, word.offsetByCodePoints(0, STEM_LENGTH));
    }

    /**
     * The vector of a text with term counts {@code tf}, weighted by the document {@code frequency} of each of its
     * terms among {@code documents} (both should already count the text itself): its {@code maxTerms} heaviest
     * terms (equal weights: smaller key first), L2-normalized.
     */
    public static TermVector vectorize(TermCounts tf, LongUnaryOperator frequency, long documents, int maxTerms) {
        int n = tf.size();
        double[] weights = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (1 + Math.log(tf.counts()[i]))
                    * Math.log(1 + (documents + 1.0) / Math.max(1, frequency.applyAsLong(tf.keys()[i])));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> weights[a] != weights[b] ? Double.compare(weights[b], weights[a])
                : Long.compare(tf.keys()[a], tf.keys()[b]));
        int kept = Math.min(maxTerms, n);
        double norm = 0;
        for (int i = 0; i < kept; i++) {
            norm += weights[order[i]] * weights[order[i]];
        }
        norm = norm > 0 ? Math.sqrt(norm) : 1;
        Integer[] top = Arrays.copyOf(order, kept);
        Arrays.sort(top); // term keys ascend with the index
        long[] keys = new long[kept];
        float[] values = new float[kept];
        for (int i = 0; i < kept; i++) {
            keys[i] = tf.keys()[top[i]];
            values[i] = (float) (weights[top[i]] / norm);
        }
        return new TermVector(keys, values);
    }
}
