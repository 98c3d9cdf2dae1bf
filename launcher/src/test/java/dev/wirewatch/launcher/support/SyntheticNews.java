package dev.wirewatch.launcher.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates news-like texts for load and failover tests, written for this project: pseudo-words drawn from a
 * Zipf-like vocabulary (common words are common, names are rare), grouped into sentences and paragraphs; some
 * stories carry a tracked topic's phrase. The same seed gives the same texts.
 *
 * <p>Not thread safe.
 */
public final class SyntheticNews {

    /** One generated report: a headline, its paragraphs, and the tracked phrase it carries (null for none). */
    public record Report(String headline, List<String> paragraphs, String phrase) {
        public String text() {
            return String.join("\n\n", paragraphs);
        }
    }

    private static final String[] SYLLABLES = {"ka", "ro", "ve", "lin", "tor", "sa", "mi", "dun", "pe", "ral",
            "quo", "ste", "vi", "nar", "bo", "chel", "ut", "gra", "fen", "io", "mar", "tek", "su", "lo"};
    /**
     * The commonest words are English function words, as in real English news: about a fifth of the text, so the
     * story level takes the articles for English and embeds them, as it would real ones.
     */
    private static final String[] FUNCTION_WORDS = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on"};
    private static final String[] PHRASES = {"the Su-35 contract", "a C-130 transport", "ruble payments for fuel"};

    private final Random random;
    private final String[] vocabulary;

    public SyntheticNews(long seed, int vocabularySize) {
        this.random = new Random(seed);
        this.vocabulary = new String[vocabularySize];
        Random words = new Random(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < vocabularySize; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + Math.min(3, i / 200 + words.nextInt(2));
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[words.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = i < FUNCTION_WORDS.length ? FUNCTION_WORDS[i] : w.toString();
        }
    }

    /** A report of {@code paragraphs} paragraphs; one in {@code topicEvery} carries a tracked phrase (0: none). */
    public Report report(int paragraphs, int topicEvery) {
        String phrase = topicEvery > 0 && random.nextInt(topicEvery) == 0
                ? PHRASES[random.nextInt(PHRASES.length)] : null;
        List<String> body = new ArrayList<>(paragraphs);
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                paragraph.append(sentence(p == 1 && s == 0 ? phrase : null)).append(' ');
            }
            body.add(paragraph.toString().strip());
        }
        String headline = capitalized(word() + " " + word() + " " + word() + " " + word());
        return new Report(headline, body, phrase);
    }

    private String sentence(String phrase) {
        int words = 8 + random.nextInt(14);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(i == words / 2 && random.nextBoolean() ? ", " : " ");
            }
            s.append(phrase != null && i == 3 ? phrase : word());
        }
        return capitalized(s.toString()) + ".";
    }

    /** A word: the i-th of the vocabulary with probability about 1/(i+1) (Zipf). */
    private String word() {
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.pow(vocabulary.length + 1.0, u)) - 1;
        return vocabulary[Math.min(vocabulary.length - 1, Math.max(0, i))];
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
