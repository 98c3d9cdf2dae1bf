package dev.wirewatch.query;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Currency codes read as the currency's name: an upper-case ISO 4217 code ("RUB", "USD", "VND") becomes the word a
 * query would use ("ruble", "dollar", "dong"), so "payable in RUB" meets a query for rubles. Only the upper-case
 * code counts ("rub" stays a verb), and it runs before {@link CodeJoinFilter}, so "RUB 500" is a currency and an
 * amount, not a designation. Currency signs are turned into the same words by {@link #SIGNS}, a char filter map.
 *
 * <p>Not thread safe (one per token stream, as Lucene filters are).
 */
final class CurrencyFilter extends TokenFilter {

    /**
     * ISO codes of the currencies a newsroom meets most, and the word each is written as; codes that are also
     * common upper-case words or abbreviations (TRY, SAR as in "Hong Kong SAR") are left out.
     */
    static final Map<String, String> CODES = Map.ofEntries(Map.entry("RUB", "ruble"), Map.entry("RUR", "ruble"),
            Map.entry("USD", "dollar"), Map.entry("EUR", "euro"), Map.entry("GBP", "pound"),
            Map.entry("JPY", "yen"), Map.entry("CNY", "yuan"), Map.entry("RMB", "yuan"), Map.entry("VND", "dong"),
            Map.entry("INR", "rupee"), Map.entry("UAH", "hryvnia"),
            Map.entry("KRW", "won"), Map.entry("CHF", "franc"), Map.entry("PLN", "zloty"),
            Map.entry("BYN", "ruble"), Map.entry("KZT", "tenge"), Map.entry("IRR", "rial"),
            Map.entry("AED", "dirham"));

    /** Currency signs and the words they stand for (applied before tokenizing, so "₽5bn" reads "ruble 5bn"). */
    static final Map<String, String> SIGNS = Map.of("₽", " ruble ", "€", " euro ", "£", " pound ", "₫", " dong ",
            "₹", " rupee ", "₴", " hryvnia ", "₺", " lira ", "₩", " won ", "$", " dollar ");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CurrencyFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (term.length() == 3) {
            String word = CODES.get(term.toString());
            if (word != null) {
                term.setEmpty().append(word);
            }
        }
        return true;
    }
}
