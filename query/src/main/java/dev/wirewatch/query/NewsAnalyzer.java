package dev.wirewatch.query;

import com.ibm.icu.text.Transliterator;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis that makes spelling variants of this beat meet: currency signs and upper-case ISO codes read as the
 * currency's name ({@link CurrencyFilter}: "₽", "RUB" are ruble); Unicode word tokens; Cyrillic transliterated to
 * Latin (ICU), so "Су-35" reads as "Su-35"; model designations joined across hyphens, dashes and spaces
 * ({@link CodeJoinFilter}); case and diacritics folded (ICU, so Vietnamese "Nga" and "NGA" meet); English
 * possessives dropped and words stemmed (KStem, and Russian words before transliteration by
 * {@link CyrillicStemFilter}), with a small table for variants no stemmer joins ("roubles" → "ruble", "paid" →
 * "pay").
 *
 * <p>Thread safe (Lucene analyzers reuse components per thread). {@link #forDocuments()} also emits the family of
 * a designation ("C-130H" is indexed as c130h and c130) and the bases of derived words ({@link DerivationFilter}:
 * "payable" is also pay); {@link #forQueries()} does neither, so a query for "C-130J" or "payable" stays specific,
 * and it also joins lower-case prefixes ("su-35" typed in a query).
 */
public final class NewsAnalyzer extends Analyzer {

    /** The field that documents and queries use. */
    public static final String FIELD = "text";

    /**
     * Filtered to Cyrillic letters: the unfiltered transform visits every character of every token, Latin ones
     * included, and was a quarter of the analysis time; the tokens it writes are the same.
     */
    private static final Transliterator CYRILLIC_TO_LATIN = Transliterator.getInstance("[:Cyrillic:] Cyrillic-Latin");

    /**
     * Spellings and irregular forms no stemmer joins: British "rouble" is "ruble"; "paid", "payment" are forms of
     * "pay". Everything else goes to KStem, a conservative English stemmer ("settled" → "settle", "debts" →
     * "debt"). Entries are folded (lower case) words; overridden words are not stemmed further.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap VARIANTS = variants(
            "rouble", "ruble", "roubles", "ruble", "rubles", "ruble",
            "paid", "pay", "payment", "pay", "payments", "pay", "repaid", "repay", "repayment", "repay",
            "repayments", "repay");

    private static StemmerOverrideFilter.StemmerOverrideMap variants(String... pairs) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (int i = 0; i < pairs.length; i += 2) {
            builder.add(pairs[i], pairs[i + 1]);
        }
        try {
            return builder.build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("building a small in-memory map cannot fail", e);
        }
    }

    private final boolean emitFamily;
    private final Transliterator cyrillicToLatin;

    private NewsAnalyzer(boolean emitFamily) {
        this(emitFamily, CYRILLIC_TO_LATIN);
    }

    /** With another transliterator: for the benchmark's baseline (the unfiltered transform). */
    NewsAnalyzer(boolean emitFamily, Transliterator cyrillicToLatin) {
        this.emitFamily = emitFamily;
        this.cyrillicToLatin = cyrillicToLatin;
    }

    public static NewsAnalyzer forDocuments() {
        return new NewsAnalyzer(true);
    }

    public static NewsAnalyzer forQueries() {
        return new NewsAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(64);
        TokenStream stream = new CurrencyFilter(tokenizer);
        stream = new CyrillicStemFilter(stream, emitFamily);
        stream = new ICUTransformFilter(stream, cyrillicToLatin);
        stream = new CodeJoinFilter(stream, emitFamily, !emitFamily);
        stream = new ICUFoldingFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StemmerOverrideFilter(stream, VARIANTS);
        stream = new KStemFilter(stream);
        if (emitFamily) {
            stream = new DerivationFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream); // a stem that transliterates like its word ("рубль")
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static final NormalizeCharMap CURRENCY_SIGNS = signs();

    private static NormalizeCharMap signs() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        CurrencyFilter.SIGNS.forEach(builder::add);
        return builder.build();
    }

    /** Currency signs become words before tokenizing (the tokenizer would drop them). */
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(CURRENCY_SIGNS, reader);
    }

    /** Normalizes a single term the way tokens are (transliteration, folding), for wildcard prefixes. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(new ICUTransformFilter(in, CYRILLIC_TO_LATIN));
    }
}
