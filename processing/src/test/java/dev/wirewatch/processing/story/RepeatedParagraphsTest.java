package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepeatedParagraphsTest {

    private static final String HEADER = "Coastal Ledger. Subscribe for unlimited access. Sign in.";

    @Test
    void onlyTheFirstAndLastThreeParagraphsAreTracked() {
        String body = IntStream.rangeClosed(1, 9).mapToObj(i -> "Paragraph number p" + i + ".")
                .collect(Collectors.joining("\n\n"));
        List<Paragraph> edges = RepeatedParagraphs.edges(body);

        assertEquals(List.of("p1", "p2", "p3", "p7", "p8", "p9"),
                edges.stream().map(p -> IntStream.rangeClosed(1, 9).mapToObj(i -> "p" + i)
                        .filter(t -> p.terms().count(TermVector.key(t)) > 0).findFirst().orElseThrow()).toList());
        assertEquals(RepeatedParagraphs.edges("  paragraph   NUMBER p1!").get(0).key(), edges.get(0).key(),
                "keyed by the normalized text");
    }

    @Test
    void aShortArticleHasEachWordedParagraphOnceInOrder() {
        List<Paragraph> edges = RepeatedParagraphs.edges("Alpha one.\n\n* * *\n\nBravo two.\n\nCharlie three.\n\n"
                + "Delta four.\n\n...");

        Set<String> names = Set.of("alpha", "bravo", "charl", "delta"); // terms are stems of five letters
        assertEquals(List.of("alpha", "bravo", "charl", "delta"), edges.stream()
                .map(p -> names.stream().sorted().filter(t -> p.terms().count(TermVector.key(t)) > 0).findFirst()
                        .orElseThrow())
                .toList());
    }

    @Test
    void wordsOfAParagraphAnEarlierArticleHadAreLeftOutOncePerOccurrence() {
        String body = HEADER + "\n\nHanoi orders Sukhoi fighters, the ledger learns.\n\n" + HEADER;
        List<Paragraph> edges = RepeatedParagraphs.edges(body);
        TermCounts terms = TermCounts.of(body);
        long header = marker(edges.get(0));

        TermCounts story = storyTerms(terms, edges, key -> key == header);

        assertEquals(TermCounts.of("Hanoi orders Sukhoi fighters, the ledger learns."), story,
                "the header went twice; 'ledger' stays once, from the body");
    }

    @Test
    void anArticleWhoseParagraphsAreAllNewKeepsEveryWord() {
        String body = HEADER + "\n\nHanoi orders Sukhoi fighters.";
        List<Paragraph> edges = RepeatedParagraphs.edges(body);
        TermCounts terms = TermCounts.of(body);

        assertEquals(terms, storyTerms(terms, edges, key -> false));
        assertFalse(RepeatedParagraphs.repeatedWords(edges, terms, new int[terms.size()], key -> false));
    }

    /** The counts less the words of the paragraphs {@code seen} says were repeated. */
    private static TermCounts storyTerms(TermCounts terms, List<Paragraph> edges, java.util.function.LongPredicate seen) {
        int[] removed = new int[terms.size()];
        RepeatedParagraphs.repeatedWords(edges, terms, removed, seen);
        int[] left = terms.counts().clone();
        for (int i = 0; i < left.length; i++) {
            left[i] = Math.max(0, left[i] - removed[i]);
        }
        return terms.withCounts(left);
    }

    private static long marker(Paragraph p) {
        return RepeatedParagraphs.counted(List.of(p))[0];
    }
}
