package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepeatedPassagesTest {

    /** A press office's masthead and footer, run into the text as scraped pages have it (no paragraph breaks). */
    private static final String MASTHEAD = "Harbour District Constabulary press office Marrowgate bulletin photo "
            + "credits download original content follow the constabulary on social channels";
    private static final String FOOTER = "Questions from reporters go to the Marrowgate duty desk weekdays until "
            + "six, night queries by the constabulary switchboard";

    private static final String THEFT = MASTHEAD + " A delivery van loaded with copper cable was taken from a depot "
            + "on Quarry Lane overnight; officers ask drivers who passed the depot after midnight to come forward. "
            + FOOTER;
    private static final String FIRE = MASTHEAD + " Firefighters put out a blaze in a bakery on Tanner Row before "
            + "dawn; nobody was hurt and the cause is being examined by investigators. " + FOOTER;

    @Test
    void chromeAnEarlierArticleHadIsLeftOutAndTheStoryWordsStay() {
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        admit(THEFT, corpus);
        TermCounts fire = admit(FIRE, corpus);

        assertEquals(0, fire.count(term("marrowgate")), "masthead and footer words went");
        assertEquals(0, fire.count(term("constabulary")));
        assertEquals(1, fire.count(term("bakery")));
        assertEquals(1, fire.count(term("tanner")));
        assertEquals(1, fire.count(term("firefighters")));
    }

    @Test
    void twoReportsUnderOnePressOfficesChromeAreNotOneStory() {
        TfIdfStoryMethod method = new TfIdfStoryMethod(0.26);
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        TermVector theft = method.admit(method.features(null, THEFT), corpus, 0);
        TfIdfStoryMethod.Features fireFeatures = method.features(null, FIRE);
        TermVector fire = method.admit(fireFeatures, corpus, 1);
        DocumentFrequencies same = DocumentFrequencies.inMemory();
        method.admit(method.features(null, THEFT), same, 0);
        TermVector fireWithChrome = method.admit(new TfIdfStoryMethod.Features(fireFeatures.terms(),
                fireFeatures.edges(), RepeatedPassages.Edges.NONE), same, 1);

        assertTrue(fire.cosine(theft) < method.threshold() / 2, String.valueOf(fire.cosine(theft)));
        assertTrue(fireWithChrome.cosine(theft) >= method.threshold(), "without the passages they would be one: "
                + fireWithChrome.cosine(theft));
    }

    @Test
    void independentWriteUpsOfOneEventKeepEveryWord() {
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        admit("Firefighters put out a blaze in a bakery on Tanner Row before dawn; nobody was hurt.", corpus);
        String retelling = "A Tanner Row bakery burned early on Tuesday and crews from two stations fought the "
                + "flames for an hour, the fire service said.";

        assertEquals(TermCounts.of(retelling), admit(retelling, corpus));
    }

    @Test
    void onlyTheFirstAndLastWordsAreFingerprinted() {
        String middle = IntStream.range(0, 200).mapToObj(i -> "filler" + i).collect(Collectors.joining(" "));
        String shared = "the same long sentence stands in the middle of both texts word for word here";
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        admit(middle + " " + shared + " " + middle, corpus);
        String later = middle.replace("filler", "other") + " " + shared + " " + middle.replace("filler", "more");

        RepeatedPassages.Edges edges = RepeatedPassages.edges(later, TermCounts.of(later));
        assertEquals(2 * RepeatedPassages.EDGE_WORDS, edges.words().length);
        assertEquals(TermCounts.of(later), admit(later, corpus), "the middle of a long article is not read twice");
    }

    @Test
    void chromeAtTheEndOfALongArticleIsFoundInItsTail() {
        String middle = IntStream.range(0, 120).mapToObj(i -> "detail" + i).collect(Collectors.joining(" "));
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        admit("Firefighters put out a blaze in a bakery on Tanner Row before dawn. " + middle + " " + FOOTER,
                corpus);
        String later = "A delivery van loaded with copper cable was taken from a depot on Quarry Lane. "
                + middle.replace("detail", "item") + " " + FOOTER;

        TermCounts story = admit(later, corpus);
        RepeatedPassages.Edges edges = RepeatedPassages.edges(later, TermCounts.of(later));
        assertTrue(edges.head() == RepeatedPassages.EDGE_WORDS && edges.words().length > edges.head());
        TermCounts footer = TermCounts.of(FOOTER);
        long kept = Arrays.stream(footer.keys()).filter(k -> story.count(k) > 0).count();
        assertTrue(kept <= footer.size() / 4, kept + " of the footer's " + footer.size() + " terms stayed");
        assertEquals(0, story.count(term("weekdays")));
        assertEquals(1, story.count(term("copper")), "the story stays");
        assertEquals(TermCounts.of(later).count(term("item7")), story.count(term("item7")), "the middle is not read");
    }

    @Test
    void aWordOfARepeatedHeaderParagraphThatTheBodyAlsoHasIsTakenAwayOnce() {
        TfIdfStoryMethod method = new TfIdfStoryMethod(0.26);
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        String header = "Harbour District Constabulary press office Marrowgate bulletin for reporters, photo "
                + "credits and downloads, follow the constabulary on its social channels";
        method.admit(method.features(null, header + "\n\nFirefighters put out a blaze in a bakery."), corpus, 0);
        TermVector later = method.admit(method.features(null, header + "\n\nA van was taken from a depot in "
                + "Marrowgate overnight."), corpus, 1);

        assertTrue(Arrays.stream(later.keys()).anyMatch(k -> k == TermVector.cut(term("marrowgate"))),
                "the body's own Marrowgate stays: the header's is taken away once, not by paragraph and passage both");
        assertFalse(Arrays.stream(later.keys()).anyMatch(k -> k == TermVector.cut(term("constabulary"))));
    }

    @Test
    void fingerprintsAreSampledByContentSoTwoTextsPickTheSameOnes() {
        RepeatedPassages.Edges a = RepeatedPassages.edges(THEFT, TermCounts.of(THEFT));
        String opened = "Unrelated opening words first. " + THEFT;
        RepeatedPassages.Edges b = RepeatedPassages.edges(opened, TermCounts.of(opened));

        long shared = Arrays.stream(b.keys()).filter(k -> Arrays.stream(a.keys()).anyMatch(x -> x == k)).count();
        assertEquals(a.keys().length, shared, "every fingerprint of the text is found again after a new opening");
        int shingles = a.words().length - RepeatedPassages.WORDS + 1;
        assertTrue(a.keys().length > shingles / (2 * RepeatedPassages.SAMPLE)
                && a.keys().length < 2 * shingles / RepeatedPassages.SAMPLE, a.keys().length + " of " + shingles);
        assertFalse(Arrays.equals(a.keys(), RepeatedPassages.edges(FIRE, TermCounts.of(FIRE)).keys()));
    }

    /** The article's story terms after its fingerprints are counted into {@code corpus}. */
    private static TermCounts admit(String body, DocumentFrequencies corpus) {
        TermCounts terms = TermCounts.of(body);
        RepeatedPassages.Edges edges = RepeatedPassages.edges(body, terms);
        long[] keys = RepeatedPassages.counted(edges);
        boolean[] seen = corpus.seenBefore(keys, 0);
        int[] removed = new int[terms.size()];
        boolean repeated = RepeatedPassages.repeatedWords(edges, removed, key -> {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return seen[i];
                }
            }
            return false;
        });
        int[] left = terms.counts().clone();
        for (int i = 0; i < left.length; i++) {
            left[i] = Math.max(0, left[i] - removed[i]);
        }
        return repeated ? terms.withCounts(left) : terms;
    }

    private static long term(String word) {
        return TermVector.key(TermVectors.stem(word));
    }
}
