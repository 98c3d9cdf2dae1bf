package dev.wirewatch.query;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Russian inflection, before transliteration: a Cyrillic word of five letters or more is lower-cased and reduced by
 * Lucene's light Russian stemmer, so every case of a noun meets ("рубль", "рубля", "рублей", "рублями" → рубл);
 * a relational adjective's {@code -ев/-ов} goes too ("рублёвый" → рубл, as "ruble-denominated" meets "ruble").
 * Shorter words are left alone: they may be the prefix of a designation ("Су-35"), whose capital matters to
 * {@link CodeJoinFilter}.
 *
 * <p>Not thread safe (one per token stream, as Lucene filters are).
 */
final class CyrillicStemFilter extends TokenFilter {

    private static final int MIN_LETTERS = 5;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final RussianLightStemmer stemmer = new RussianLightStemmer();
    private final boolean keepWritten;
    private State written;
    private String stem;

    /**
     * @param keepWritten documents: the word as written stays, the stem is stacked at its position, so that a Latin
     *                    query for a Russian name ("Lavrov") still finds it; queries: the stem alone
     */
    CyrillicStemFilter(TokenStream input, boolean keepWritten) {
        super(input);
        this.keepWritten = keepWritten;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (stem != null) {
            restoreState(written);
            term.setEmpty().append(stem);
            position.setPositionIncrement(0);
            stem = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        if (length < MIN_LETTERS || !allCyrillicLetters(buffer, length)) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = Character.toLowerCase(buffer[i]);
            buffer[i] = c == 'ё' ? 'е' : c;
        }
        String lower = new String(buffer, 0, length);
        int stemmed = stemmer.stem(buffer, length);
        if (stemmed >= 6 && (buffer[stemmed - 1] == 'в') && (buffer[stemmed - 2] == 'е' || buffer[stemmed - 2] == 'о')) {
            stemmed -= 2;
        }
        String reduced = new String(buffer, 0, stemmed);
        if (keepWritten && !reduced.equals(lower)) {
            term.setEmpty().append(lower);
            written = captureState();
            stem = reduced;
            return true;
        }
        term.setLength(stemmed);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        stem = null;
        written = null;
    }

    private static boolean allCyrillicLetters(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isLetter(buffer[i])
                    || Character.UnicodeScript.of(buffer[i]) != Character.UnicodeScript.CYRILLIC) {
                return false;
            }
        }
        return true;
    }
}
