package dev.wirewatch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class NewsAnalyzerTest {

    /** Tokens as "term" or "term|stacked" where several share a position. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(NewsAnalyzer.FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() == 0 && !out.isEmpty()) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + "|" + term);
                } else {
                    out.add(term.toString());
                }
            }
            stream.end();
        }
        return out;
    }

    private static List<String> doc(String text) throws IOException {
        return tokens(NewsAnalyzer.forDocuments(), text);
    }

    @Test
    void designationsJoinAcrossHyphensDashesSpacesAndScripts() throws IOException {
        for (String written : List.of("Su-35", "SU35", "Su 35", "Su\u201135", "su-35".replace("su", "Su"),
                "Су-35", "СУ-35", "Su–35")) {
            assertEquals(List.of("su35"), doc(written), written);
        }
        assertEquals(List.of("c130"), doc("C–130"));
        assertEquals(List.of("mig29"), doc("MiG-29"));
    }

    @Test
    void variantsAlsoIndexTheirFamilyButOtherNumbersDoNot() throws IOException {
        assertEquals(doc("Lockheed C-130H"), doc("Lockheed's C-130H"));
        assertEquals("c130h|c130", doc("Lockheed's C-130H").get(1));
        assertEquals(List.of("su35s|su35"), doc("Su-35S"));
        assertEquals(List.of("c130j|c130"), doc("C130J"));
        assertEquals(List.of("su30mk2|su30"), doc("Su-30MK2"));
        assertEquals(List.of("su350"), doc("Su-350"));
        assertEquals(List.of("highway", "c1300"), doc("highway C-1300"));
        assertEquals(List.of("c130j"), tokens(NewsAnalyzer.forQueries(), "C-130J"), "queries stay specific");
    }

    @Test
    void ordinaryWordsBeforeNumbersAreNotJoined() throws IOException {
        assertEquals(List.of("the", "40", "jet"), doc("The 40 jets"));
        assertEquals(List.of("in", "2025"), doc("In 2025"));
        assertEquals(List.of("rose", "by", "3"), doc("rose by 3%"));
    }

    @Test
    void caseDiacriticsInflectionsAndSpellingVariantsMeet() throws IOException {
        assertEquals(List.of("ruble", "pay"), doc("ROUBLES payments"));
        assertEquals(doc("ruble pay"), doc("roubles paid"));
        assertEquals(doc("debt"), doc("debts"));
        assertEquals(doc("settle"), doc("settles"));
        assertEquals(List.of("thanh", "toan", "bang", "rup"), doc("thanh toán bằng rúp"));
        assertEquals(List.of("rubl"), doc("рубль"));
    }

    @Test
    void derivedWordsAlsoIndexTheirBaseButQueriesStaySpecific() throws IOException {
        assertEquals(List.of("payable|pay", "payer|pay", "payee|pay", "repayable|repay|pay"),
                doc("payable payers payee repayable"));
        assertEquals(List.of("settlement|settle", "debtor|debt|debte"), doc("settlement debtor"));
        assertEquals(List.of("banner|bann|banne"), doc("banners"), "a doubled consonant stays: never ban");
        assertEquals(List.of("reporter|report|reporte"), doc("reporters"), "an agent suffix takes no prefix off");
        assertEquals(List.of("retirement|retire"), doc("retirement"), "-ment takes no prefix off: never tire");
        assertEquals(List.of("report"), doc("report"), "a bare word keeps its prefix");
        assertEquals(List.of("payable"), tokens(NewsAnalyzer.forQueries(), "payable"));
    }

    @Test
    void russianCasesAndTheRelationalAdjectiveMeet() throws IOException {
        for (String written : List.of("рубль", "рубля", "рублей", "рублях", "рублями", "Рублём", "рублёвых",
                "рублевый")) {
            List<String> indexed = doc(written);
            assertEquals(1, indexed.size(), written);
            assertTrue(indexed.get(0).equals("rubl") || indexed.get(0).endsWith("|rubl"),
                    "the stem stacked on the word: " + indexed);
            assertEquals(List.of("rubl"), tokens(NewsAnalyzer.forQueries(), written), written);
        }
        assertEquals(List.of("lavrov|lavr"), doc("Лавров"), "a Latin query for the name still finds it");
        assertEquals(List.of("lavrov"), tokens(NewsAnalyzer.forQueries(), "Lavrov"));
        assertEquals(List.of("su35"), doc("Су-35"), "a short Cyrillic prefix keeps its capital for the designation");
    }

    @Test
    void currencySignsAndUpperCaseCodesReadAsTheCurrencysName() throws IOException {
        assertEquals(List.of("ruble", "5bn"), doc("₽5bn"));
        assertEquals(List.of("payable|pay", "in", "ruble", "500"), doc("payable in RUB 500"));
        assertEquals(List.of("rub", "it", "in"), doc("rub it in"), "a lower-case word stays a word");
        assertEquals(List.of("hong", "kong", "sar"), doc("Hong Kong SAR"), "an ambiguous code stays a word");
        assertEquals(List.of("dollar", "40m"), doc("$40m"));
        assertEquals(List.of("su35"), doc("Su-35"), "designations are untouched");
    }
}
