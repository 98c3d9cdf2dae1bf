package dev.wirewatch.query;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Joins model designations into one token however they are written: a short capitalized letter prefix (1–3
 * letters: Su, C, MiG, KC, Су after transliteration) directly followed, across at most one separator character
 * (hyphen, any dash, non-breaking hyphen, space), by a number with an optional short suffix. "Su-35", "SU35",
 * "Su 35", "Su‑35" all become {@code Su35}; "C–130H" becomes {@code C130H}.
 *
 * <p>With {@code emitFamily} (documents, not queries) a suffixed designation also yields its family, stacked at
 * the same position: {@code C130H} and {@code C130}, {@code Su35S} and {@code Su35}, so a query for the family
 * matches every variant while {@code C1300} or {@code Su350} stay other numbers. Common capitalized words ("The 40",
 * "In 2025") are never taken for prefixes. Runs before lower-casing, because the capital is part of the rule.
 */
final class CodeJoinFilter extends TokenFilter {

    private static final Pattern PREFIX = Pattern.compile("\\p{Lu}\\p{L}{0,2}");
    private static final Pattern ANY_CASE_PREFIX = Pattern.compile("\\p{L}{1,3}");
    private static final Pattern NUMBER = Pattern.compile("\\d+\\p{L}{0,3}\\d?");
    private static final Pattern JOINED = Pattern.compile("(\\p{Lu}\\p{L}{0,2})(\\d+)(\\p{L}{1,3}\\d?)?");
    private static final Set<String> NOT_PREFIXES = Set.of("the", "a", "an", "in", "on", "at", "of", "by", "for",
            "and", "or", "to", "as", "is", "it", "no", "so", "up", "we", "he", "its", "our", "his", "her", "but",
            "all", "top", "won", "has", "had", "was", "are", "per", "via", "mr", "ms", "dr", "st", "nr", "vol", "ch",
            "art", "sec", "fig", "pp", "p", "q", "i", "ii", "iv", "vi", "x", "new", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec", "jan", "feb", "mar", "apr", "day", "age", "get", "set", "be");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final boolean emitFamily;
    private final Pattern prefix;
    private State lookahead;
    private State joinedState;
    private String familyToEmit;

    /**
     * @param emitFamily also emit the family of a suffixed designation (documents)
     * @param anyCase accept lower-case prefixes too (queries: "su-35" typed in a topic means Su-35; in articles a
     *                capital is required so that "pay 10" never becomes a designation)
     */
    CodeJoinFilter(TokenStream input, boolean emitFamily, boolean anyCase) {
        super(input);
        this.emitFamily = emitFamily;
        this.prefix = anyCase ? ANY_CASE_PREFIX : PREFIX;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (familyToEmit != null) {
            restoreState(joinedState);
            term.setEmpty().append(familyToEmit);
            position.setPositionIncrement(0);
            familyToEmit = null;
            return true;
        }
        if (!next()) {
            return false;
        }
        String first = term.toString();
        if (isPrefix(first)) {
            State prefix = captureState();
            int start = offset.startOffset();
            int end = offset.endOffset();
            int increment = position.getPositionIncrement();
            if (next()) {
                if (position.getPositionIncrement() == 1 && offset.startOffset() - end <= 1
                        && NUMBER.matcher(term).matches()) {
                    String joined = first + term;
                    int joinedEnd = offset.endOffset();
                    restoreState(prefix);
                    term.setEmpty().append(joined);
                    offset.setOffset(start, joinedEnd);
                    position.setPositionIncrement(increment);
                    keyword.setKeyword(true); // a designation, not a word: no stemming of "Su-35S"
                    queueFamily(joined);
                    return true;
                }
                lookahead = captureState();
            }
            restoreState(prefix);
            return true;
        }
        queueFamily(first);
        return true;
    }

    private boolean next() throws IOException {
        if (lookahead != null) {
            restoreState(lookahead);
            lookahead = null;
            return true;
        }
        return input.incrementToken();
    }

    private void queueFamily(String token) {
        Matcher m = JOINED.matcher(token);
        if (m.matches()) {
            keyword.setKeyword(true);
        }
        if (!emitFamily) {
            return;
        }
        if (m.matches() && m.group(3) != null && !NOT_PREFIXES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            familyToEmit = m.group(1) + m.group(2);
            joinedState = captureState();
        }
    }

    private boolean isPrefix(String token) {
        return prefix.matcher(token).matches() && !NOT_PREFIXES.contains(token.toLowerCase(Locale.ROOT));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lookahead = null;
        joinedState = null;
        familyToEmit = null;
    }
}
