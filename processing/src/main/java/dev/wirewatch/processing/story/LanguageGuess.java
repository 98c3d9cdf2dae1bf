package dev.wirewatch.processing.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.util.IOUtils;

/**
 * Guesses the language of a text from the share of its words that are that language's function words, by the
 * stop word lists Lucene ships: enough to route an article to a model that serves its language, which is all the
 * story level asks (not a general language identifier: short texts and languages without a list come out unknown).
 *
 * <p>Stateless and thread safe.
 */
public final class LanguageGuess {

    /** What {@link #of} answers when no language stands out. */
    public static final String UNKNOWN = "";

    /** Words looked at: the start of an article says its language as well as all of it. */
    private static final int WORDS = 300;
    /** Fewer words than this and no guess is made. */
    private static final int MIN_WORDS = 8;
    /** The least share of function words a language must reach. */
    private static final double MIN_SHARE = 0.08;

    private static final Map<String, CharArraySet> FUNCTION_WORDS = functionWords();
    /** The languages in {@link #FUNCTION_WORDS}' order. */
    private static final String[] LANGUAGES = FUNCTION_WORDS.keySet().toArray(String[]::new);
    /**
     * Each function word with the languages it belongs to, one bit per index in {@link #LANGUAGES}: one lookup a
     * word instead of one per language (asking every list was a tenth of the stream threads' time).
     */
    private static final Map<String, Long> LANGUAGES_OF_WORD = languagesOfWord();

    private LanguageGuess() {
    }

    /** The ISO 639-1 code of the language {@code text} is most likely in, or {@link #UNKNOWN}. */
    public static String of(String text) {
        int[] hits = new int[LANGUAGES.length];
        int[] firstHit = new int[LANGUAGES.length];
        int words = 0;
        int start = -1;
        for (int i = 0; i <= text.length() && words < WORDS; i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                Long languages = LANGUAGES_OF_WORD.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                for (long bits = languages == null ? 0 : languages; bits != 0; bits &= bits - 1) {
                    int language = Long.numberOfTrailingZeros(bits);
                    if (hits[language]++ == 0) {
                        firstHit[language] = words;
                    }
                }
                words++;
                start = -1;
            }
        }
        int best = -1; // the most hits; of equals, the one hit first in the text, then the earlier listed
        for (int language = 0; language < hits.length; language++) {
            if (hits[language] > 0 && (best < 0 || hits[language] > hits[best]
                    || hits[language] == hits[best] && firstHit[language] < firstHit[best])) {
                best = language;
            }
        }
        return best >= 0 && words >= MIN_WORDS && hits[best] >= MIN_SHARE * words ? LANGUAGES[best] : UNKNOWN;
    }

    private static Map<String, Long> languagesOfWord() {
        if (LANGUAGES.length > Long.SIZE) {
            throw new IllegalStateException("more languages than bits in a long");
        }
        Map<String, Long> languages = new HashMap<>();
        for (int language = 0; language < LANGUAGES.length; language++) {
            long bit = 1L << language;
            for (Object word : FUNCTION_WORDS.get(LANGUAGES[language])) {
                languages.merge(new String((char[]) word), bit, (a, b) -> a | b);
            }
        }
        return Map.copyOf(languages);
    }

    private static Map<String, CharArraySet> functionWords() {
        Map<String, CharArraySet> lists = new LinkedHashMap<>();
        String[][] snowball = {{"en", "english"}, {"de", "german"}, {"es", "spanish"}, {"fr", "french"},
            {"it", "italian"}, {"pt", "portuguese"}, {"nl", "dutch"}, {"sv", "swedish"}, {"da", "danish"},
            {"no", "norwegian"}, {"fi", "finnish"}, {"hu", "hungarian"}, {"ru", "russian"}, {"id", "indonesian"}};
        try {
            for (String[] language : snowball) {
                lists.put(language[0], WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(
                        SnowballFilter.class, language[1] + "_stop.txt", StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's stop word lists are missing from the class path", e);
        }
        lists.put("tr", TurkishAnalyzer.getDefaultStopSet());
        lists.put("ar", ArabicAnalyzer.getDefaultStopSet());
        lists.put("ro", RomanianAnalyzer.getDefaultStopSet());
        lists.put("cs", CzechAnalyzer.getDefaultStopSet());
        return Collections.unmodifiableMap(lists); // in this order, so a tie goes the same way every run
    }
}
