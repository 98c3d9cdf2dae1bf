package dev.wirewatch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.memory.MemoryIndex;
import org.junit.jupiter.api.Test;

class QueryExplanationTest {

    private static final String RUBLE = "(ruble OR rouble) NEAR/3 (pay OR settle*)";

    private static boolean matchedBySearch(String query, String text) throws QuerySyntaxException {
        MemoryIndex index = new MemoryIndex();
        index.addField(NewsAnalyzer.FIELD, text, NewsAnalyzer.forDocuments());
        return index.search(TopicQueryParser.parse(query)) > 0.0f;
    }

    @Test
    void aMatchNamesTheWordsAsWrittenWithTheirPositions() throws Exception {
        String text = "Debts will be payable in roubles next year.";
        QueryExplanation e = TopicQueryParser.explain(RUBLE, text);
        assertTrue(e.matched());
        assertEquals("(ruble OR rouble) NEAR/3 (pay OR settle*)", e.clause().clause());
        QueryExplanation.Clause currency = e.clause().parts().get(0);
        assertEquals(List.of(new QueryExplanation.Found("roubles", 5)), currency.found());
        assertEquals(List.of(new QueryExplanation.Found("payable", 3)), e.clause().parts().get(1).found());
    }

    @Test
    void aNearThatFailsSaysHowCloseItsSidesCame() throws Exception {
        String text = "The rouble slid on Tuesday while importers, worried about sanctions, paid in dollars.";
        QueryExplanation e = TopicQueryParser.explain(RUBLE, text);
        assertFalse(e.matched());
        assertEquals("both sides are in the text, but at best 8 words apart; NEAR/3 allows 3", e.clause().why());
        QueryExplanation missing = TopicQueryParser.explain(RUBLE, "The rouble slid on Tuesday.");
        assertEquals("(pay OR settle*) is not in the text", missing.clause().why());
    }

    @Test
    void andAndNotSayWhichPartFails() throws Exception {
        QueryExplanation e = TopicQueryParser.explain("Hercules AND (Lockheed OR transport) NOT myth",
                "Hercules, the hero of Greek myth, carried no transport.");
        assertFalse(e.matched());
        assertEquals("does not hold: NOT myth", e.clause().why());
        QueryExplanation.Clause not = e.clause().parts().get(2);
        assertEquals("excluded: the text has myth", not.why());
    }

    @Test
    void theVerdictIsAlwaysTheMatchersVerdict() throws Exception {
        List<String> queries = List.of(RUBLE, "Su-35 OR \"Flanker E\"", "C-130 NOT Hercules", "contract* AND Hanoi",
                "(ruble NEAR/2 pay) NEAR/5 debt");
        List<String> texts = List.of("Hanoi signed the contract for Su-35s.", "The rouble fell; debts were paid.",
                "A C-130 Hercules landed.", "Debt to be paid in rubles, the ministry said.", "Flanker E jets");
        for (String q : queries) {
            for (String t : texts) {
                assertEquals(matchedBySearch(q, t), TopicQueryParser.explain(q, t).matched(), q + " / " + t);
            }
        }
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedWithItsPosition() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> TopicQueryParser.explain("ruble NEAR/x pay", "text"));
        assertEquals(6, e.position());
    }
}
