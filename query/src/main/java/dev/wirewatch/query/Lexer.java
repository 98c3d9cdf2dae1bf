package dev.wirewatch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a topic query into words, quoted phrases, parentheses and the operators AND, OR, NOT and NEAR/n, keeping
 * each one's position for error messages.
 *
 * <p>Stateless and thread safe.
 */
final class Lexer {

    enum Kind { WORD, PHRASE, OPEN, CLOSE, AND, OR, NOT, NEAR }

    /** One lexeme; {@code slop} is the n of NEAR/n. */
    record Token(Kind kind, String text, int position, int end, int slop) {
    }

    private static final Pattern NEAR = Pattern.compile("NEAR/(\\d{1,3})");

    private Lexer() {
    }

    static List<Token> lex(String query) throws QuerySyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i, i + 1, 0));
                i++;
            } else if (c == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw new QuerySyntaxException("unclosed quote", i);
                }
                tokens.add(new Token(Kind.PHRASE, query.substring(i + 1, close), i, close + 1, 0));
                i = close + 1;
            } else {
                int end = i;
                while (end < query.length() && !Character.isWhitespace(query.charAt(end))
                        && "()\"".indexOf(query.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(word(query.substring(i, end), i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static Token word(String word, int start, int end) throws QuerySyntaxException {
        switch (word) {
            case "AND":
                return new Token(Kind.AND, word, start, end, 0);
            case "OR":
                return new Token(Kind.OR, word, start, end, 0);
            case "NOT":
                return new Token(Kind.NOT, word, start, end, 0);
            default:
                break;
        }
        if (word.startsWith("NEAR")) {
            Matcher m = NEAR.matcher(word);
            if (!m.matches()) {
                throw new QuerySyntaxException("write NEAR/n with the number of words, e.g. NEAR/8", start);
            }
            return new Token(Kind.NEAR, word, start, end, Integer.parseInt(m.group(1)));
        }
        return new Token(Kind.WORD, word, start, end, 0);
    }
}
