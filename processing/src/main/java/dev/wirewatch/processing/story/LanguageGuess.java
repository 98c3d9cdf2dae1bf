package dev.wirewatch.processing.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
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

    private LanguageGuess() {
    }

    /** The ISO 639-1 code of the language {@code text} is most likely in, or {@link #UNKNOWN}. */
    public static String of(String text) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        int words = 0;
        int start = -1;
        for (int i = 0; i <= text.length() && words < WORDS; i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                words++;
                for (Map.Entry<String, CharArraySet> language : FUNCTION_WORDS.entrySet()) {
                    if (language.getValue().contains(word)) {
                        hits.merge(language.getKey(), 1, Integer::sum);
                    }
                }
                start = -1;
            }
        }
        String best = UNKNOWN;
        int most = 0;
        for (Map.Entry<String, Integer> hit : hits.entrySet()) {
            if (hit.getValue() > most) {
                best = hit.getKey();
                most = hit.getValue();
            }
        }
        return words >= MIN_WORDS && most >= MIN_SHARE * words ? best : UNKNOWN;
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
