package dev.wirewatch.processing.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-cased word tokens (maximal runs of letters and digits) with their character offsets, so
 * that "Su-35", "su 35" and "SU–35" all read as {@code su 35}.
 *
 * <p>Stateless and thread safe.
 */
public final class Tokens {

    /** One token: its folded text and where it is in the original string. */
    public record Token(String text, int start, int end) {
    }

    private Tokens() {
    }

    public static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            tokens.add(new Token(fold(text.substring(start, i)), start, i));
        }
        return tokens;
    }

    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
