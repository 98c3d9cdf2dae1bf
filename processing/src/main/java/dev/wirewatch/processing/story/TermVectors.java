package dev.wirewatch.processing.story;

import dev.wirewatch.model.ContentHash;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

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

    /** How often each word of {@code text} occurs, stop words and one-letter words left out. */
    public static Map<String, Integer> termFrequencies(String text) {
        Map<String, Integer> tf = new HashMap<>();
        for (String token : ContentHash.normalize(text).split(" ")) {
            if (token.length() > 1 && !STOP_WORDS.contains(token)) {
                tf.merge(token, 1, Integer::sum);
            }
        }
        return tf;
    }

    /**
     * The vector of a text with term frequencies {@code tf}, weighted by the document {@code frequency} of each of
     * its terms among {@code documents} (both should already count the text itself): its {@code maxTerms} heaviest
     * terms, L2-normalized.
     */
    public static TermVector vectorize(Map<String, Integer> tf, ToLongFunction<String> frequency, long documents,
                                       int maxTerms) {
        Map<String, Double> weights = new HashMap<>();
        tf.forEach((term, count) -> weights.put(term, (1 + Math.log(count))
                * Math.log(1 + (documents + 1.0) / Math.max(1, frequency.applyAsLong(term)))));
        Map<String, Double> top = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTerms)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        double norm = Math.sqrt(top.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            top.replaceAll((t, w) -> w / norm);
        }
        return TermVector.of(top);
    }
}
