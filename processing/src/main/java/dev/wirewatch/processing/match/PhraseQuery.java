package dev.wirewatch.processing.match;

import java.util.ArrayList;
import java.util.List;

/**
 * A topic query of phrases joined by {@code OR}: {@code "Su-35" OR "Su 35" OR Su35}. A phrase matches where its
 * tokens (see {@link Tokens}) appear consecutively; case and punctuation between words do not matter.
 *
 * <p>Immutable and thread safe. This is the first, simple query language; richer syntax (AND, NOT, NEAR) is
 * rejected with a clear error rather than silently read as words.
 */
public final class PhraseQuery {

    private final List<List<String>> phrases;

    private PhraseQuery(List<List<String>> phrases) {
        this.phrases = phrases;
    }

    /** Parses {@code query}; throws with the position of the first problem. */
    public static PhraseQuery parse(String query) throws QuerySyntaxException {
        List<List<String>> phrases = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int i = 0;
        int alternativeStart = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw new QuerySyntaxException("unclosed quote", i);
                }
                Tokens.of(query.substring(i + 1, close)).forEach(t -> current.add(t.text()));
                i = close + 1;
            } else {
                int end = i;
                while (end < query.length() && !Character.isWhitespace(query.charAt(end))
                        && query.charAt(end) != '"') {
                    end++;
                }
                String word = query.substring(i, end);
                if (word.equals("OR")) {
                    if (current.isEmpty()) {
                        throw new QuerySyntaxException("OR without a phrase before it", i);
                    }
                    phrases.add(List.copyOf(current));
                    current.clear();
                    alternativeStart = end;
                } else if (word.equals("AND") || word.equals("NOT") || word.startsWith("NEAR") || word.contains("(")
                        || word.contains(")") || word.contains("*")) {
                    throw new QuerySyntaxException("'" + word + "' is not supported yet: write phrases joined by OR",
                            i);
                } else {
                    Tokens.of(word).forEach(t -> current.add(t.text()));
                }
                i = end;
            }
        }
        if (current.isEmpty()) {
            throw new QuerySyntaxException(phrases.isEmpty() ? "empty query" : "OR without a phrase after it",
                    alternativeStart);
        }
        phrases.add(List.copyOf(current));
        return new PhraseQuery(List.copyOf(phrases));
    }

    /** The first place any phrase occurs in {@code tokens}, or null. */
    public Hit firstHit(List<Tokens.Token> tokens) {
        Hit best = null;
        for (List<String> phrase : phrases) {
            for (int start = 0; start + phrase.size() <= tokens.size(); start++) {
                if (best != null && start >= best.firstToken()) {
                    break;
                }
                if (matchesAt(phrase, tokens, start)) {
                    best = new Hit(start, start + phrase.size());
                    break;
                }
            }
        }
        return best;
    }

    private static boolean matchesAt(List<String> phrase, List<Tokens.Token> tokens, int start) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!tokens.get(start + k).text().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Where a phrase matched: token indexes, end exclusive. */
    public record Hit(int firstToken, int endToken) {
    }
}
