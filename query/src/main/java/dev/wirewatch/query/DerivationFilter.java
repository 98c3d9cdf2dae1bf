package dev.wirewatch.query;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * English derivation, for documents: after a word (already stemmed) it stacks, at the same position, the bases it
 * is derived from by one suffix, so a query for a base word also finds its derived forms — "payable", "payer",
 * "payee" are also {@code pay}, "settlement" and "settled" also {@code settle}, "debtor" also {@code debt}. With
 * {@code -able} and {@code -ible}, one prefix ({@code re-}, {@code pre-}, {@code non-}, {@code over-},
 * {@code under-}) may go too: "repayable" is also {@code repay} and {@code pay}. Other suffixes never take a prefix
 * off, so "reporter" is {@code report}, never {@code port}, and "retirement" never {@code tire}.
 *
 * <p>The word itself stays: a query for "payable" finds only "payable". A stripped base keeps at least three
 * letters and a silent {@code e} is tried ("usable" → use); a doubled consonant is kept ("banner" is never
 * {@code ban}). Queries are not derived, so a query word stays what it says. Not thread safe (one per token stream).
 */
final class DerivationFilter extends TokenFilter {

    private static final String[] SUFFIXES = {"ables", "able", "ibles", "ible", "ments", "ment", "ees", "ee", "ers",
            "er", "ors", "or", "ed", "ing"};
    private static final Set<String> PREFIX_SUFFIXES = Set.of("ables", "able", "ibles", "ible");
    private static final String[] PREFIXES = {"under", "over", "pre", "non", "re"};
    private static final int MIN_BASE = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();

    DerivationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            term.setEmpty().append(pending.pop());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        if (word.length() >= MIN_BASE + 2 && lettersOnly(word)) {
            pending.addAll(bases(word));
        }
        return true;
    }

    /** The bases of {@code word} by one suffix (and then one prefix), without the word itself. */
    static Set<String> bases(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (String suffix : SUFFIXES) {
            if (!word.endsWith(suffix) || word.length() - suffix.length() < MIN_BASE) {
                continue;
            }
            String stem = word.substring(0, word.length() - suffix.length());
            Set<String> forms = forms(stem);
            out.addAll(forms);
            if (PREFIX_SUFFIXES.contains(suffix)) {
                for (String form : forms) {
                    for (String prefix : PREFIXES) {
                        if (form.startsWith(prefix) && form.length() - prefix.length() >= MIN_BASE) {
                            out.add(form.substring(prefix.length()));
                        }
                    }
                }
            }
            break; // the longest suffix that fits
        }
        out.remove(word);
        return out;
    }

    private static Set<String> forms(String stem) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(stem);
        int n = stem.length();
        // a doubled consonant is not undone: "banner" would become "ban", "better" "bet"
        if (!isVowel(stem.charAt(n - 1))) {
            forms.add(stem + "e"); // us → use, settl → settle
        }
        return forms;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean lettersOnly(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }
}
