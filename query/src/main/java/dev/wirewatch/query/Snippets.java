package dev.wirewatch.query;

import java.util.List;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Cuts a snippet of about {@code words} words either side of the first hit and marks every hit inside it with
 * {@code **}.
 *
 * <p>Stateless and thread safe.
 */
public final class Snippets {

    private Snippets() {
    }

    /** The snippet around the first of {@code sortedHits}, or null when there are none. */
    public static String around(String text, List<HighlightsMatch.Hit> sortedHits, int words) {
        if (sortedHits.isEmpty()) {
            return null;
        }
        HighlightsMatch.Hit first = sortedHits.get(0);
        int from = wordsBefore(text, first.startOffset, words);
        int to = wordsAfter(text, Math.min(text.length(), first.endOffset), words);
        StringBuilder out = new StringBuilder();
        int cursor = from;
        for (HighlightsMatch.Hit hit : sortedHits) {
            if (hit.startOffset < cursor || hit.endOffset > to || hit.startOffset >= hit.endOffset) {
                continue;
            }
            out.append(text, cursor, hit.startOffset).append("**").append(text, hit.startOffset, hit.endOffset)
                    .append("**");
            cursor = hit.endOffset;
        }
        out.append(text, cursor, to);
        String body = out.toString().replaceAll("\\s+", " ").trim();
        return (from > 0 ? "… " : "") + body + (to < text.length() ? " …" : "");
    }

    private static int wordsBefore(String text, int offset, int words) {
        int i = offset;
        for (int w = 0; w < words && i > 0; w++) {
            while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    private static int wordsAfter(String text, int offset, int words) {
        int i = offset;
        for (int w = 0; w < words && i < text.length(); w++) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }
}
