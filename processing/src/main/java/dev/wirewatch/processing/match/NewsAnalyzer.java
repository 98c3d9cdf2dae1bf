package dev.wirewatch.processing.match;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis that makes spelling variants of this beat meet: Unicode word tokens; Cyrillic transliterated to
 * Latin (ICU), so "Су-35" reads as "Su-35"; model designations joined across hyphens, dashes and spaces
 * ({@link CodeJoinFilter}); case and diacritics folded (ICU, so Vietnamese "Nga" and "NGA" meet); English plurals
 * and possessives reduced ("roubles" → "rouble", "Lockheed's" → "lockheed").
 *
 * <p>Thread safe (Lucene analyzers reuse components per thread). {@link #forDocuments()} also emits the family of
 * a designation ("C-130H" is indexed as c130h and c130); {@link #forQueries()} does not, so a query for "C-130J"
 * stays specific.
 */
public final class NewsAnalyzer extends Analyzer {

    /** The field that documents and queries use. */
    public static final String FIELD = "text";

    private static final Transliterator CYRILLIC_TO_LATIN = Transliterator.getInstance("Cyrillic-Latin");

    private final boolean emitFamily;

    private NewsAnalyzer(boolean emitFamily) {
        this.emitFamily = emitFamily;
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
        TokenStream stream = new ICUTransformFilter(tokenizer, CYRILLIC_TO_LATIN);
        stream = new CodeJoinFilter(stream, emitFamily);
        stream = new ICUFoldingFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** Normalizes a single term the way tokens are (transliteration, folding), for wildcard prefixes. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(new ICUTransformFilter(in, CYRILLIC_TO_LATIN));
    }
}
