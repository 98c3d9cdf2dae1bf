package dev.wirewatch.query;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

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
    private final RussianLightStemmer stemmer = new RussianLightStemmer();

    CyrillicStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
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
        int stemmed = stemmer.stem(buffer, length);
        if (stemmed >= 6 && (buffer[stemmed - 1] == 'в') && (buffer[stemmed - 2] == 'е' || buffer[stemmed - 2] == 'о')) {
            stemmed -= 2;
        }
        term.setLength(stemmed);
        return true;
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
