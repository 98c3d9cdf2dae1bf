package dev.wirewatch.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The hash of an article's normalized text: equal for texts that differ only in case, punctuation, whitespace or
 * Unicode compatibility forms, so that a republication whose extracted body is the same counts as an exact copy.
 *
 * <p>Stateless and thread safe.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** The hex SHA-256 of {@link #normalize(String) normalize(text)}. */
    public static String of(String text) {
        return Article.sha256Hex(normalize(text));
    }

    /** NFKC, lower case, every run of characters that are neither letters nor digits collapsed to one space. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }
}
