package dev.wirewatch.processing;

import static dev.wirewatch.processing.Fixtures.lightlyEdited;
import static dev.wirewatch.processing.Fixtures.reordered;
import static dev.wirewatch.processing.Fixtures.story;
import static dev.wirewatch.processing.Fixtures.truncated;
import static dev.wirewatch.processing.Fixtures.withChrome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.processing.triage.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleTriageTest {

    private static final Instant MONDAY = Instant.parse("2025-07-14T06:00:00Z");
    private ArticleTriage triage;

    @BeforeEach
    void retainOriginal() {
        triage = ArticleTriage.withDefaults();
        Decision original = triage.triage("original", null, story("jets-original"), MONDAY);
        assertFalse(original.isCopy());
        assertEquals("original", original.storyId());
    }

    private Decision copy(String id, String title, String text) {
        Decision decision = triage.triage(id, title, text, MONDAY.plusSeconds(600));
        assertEquals("original", decision.duplicateOf(), id);
        assertEquals("original", decision.storyId(), id);
        return decision;
    }

    @Test
    void republicationUnderOtherBoilerplateIsACopy() {
        Decision copy = copy("chrome", null, withChrome(story("jets-original")));
        assertTrue(copy.similarity() >= 0.4, String.valueOf(copy.similarity()));
        assertEquals("near-copy-jaccard", copy.rule());
    }

    @Test
    void lightEditsAndANewHeadlineAreACopy() {
        copy("edited", "Hanoi signs for Russian fighters", lightlyEdited(story("jets-original")));
    }

    @Test
    void copyCutToSixtyPercentIsACopy() {
        copy("truncated", null, truncated(story("jets-original"), 0.6));
    }

    @Test
    void reorderedParagraphsAreACopy() {
        copy("reordered", null, reordered(story("jets-original"), 7));
    }

    @Test
    void aCopyOfACopyPointsAtTheFirstOriginal() {
        copy("edited", null, lightlyEdited(story("jets-original")));
        copy("edited-then-chrome", null, withChrome(lightlyEdited(story("jets-original"))));
    }

    @Test
    void rewriteOfTheSameReportIsNotACopyButJoinsTheStory() {
        Decision rewrite = triage.triage("rewrite", null, story("jets-rewrite"), MONDAY.plusSeconds(3600));
        assertNull(rewrite.duplicateOf());
        assertEquals("original", rewrite.storyId());
        assertTrue(rewrite.storySimilarity() >= 0.35, String.valueOf(rewrite.storySimilarity()));
    }

    @Test
    void anotherEventOnTheSameSubjectIsNeitherACopyNorTheSameStory() {
        Decision crash = triage.triage("crash", null, story("jets-crash"), MONDAY.plusSeconds(7200));
        assertNull(crash.duplicateOf());
        assertEquals("crash", crash.storyId());
        Decision trees = triage.triage("trees", null, story("unrelated"), MONDAY);
        assertEquals("trees", trees.storyId());
    }

    @Test
    void unrelatedArticlesUnderTheSameChromeAreNotCopies() {
        assertNull(triage.triage("crash", null, withChrome(story("jets-crash")), MONDAY).duplicateOf());
        assertNull(triage.triage("trees", null, withChrome(story("unrelated")), MONDAY).duplicateOf());
    }

    @Test
    void unrelatedArticlesUnderTheSameChromeDoNotShareAStory() {
        Decision crash = triage.triage("crash", null, withChrome(story("jets-crash")), MONDAY);
        Decision trees = triage.triage("trees", null, withChrome(story("unrelated")), MONDAY);
        assertEquals("crash", crash.storyId());
        assertEquals("trees", trees.storyId(), "the chrome both carry is not a story");
    }

    @Test
    void aRewriteUnderChromeAnEarlierArticleCarriedStillJoinsItsStory() {
        triage.triage("trees", null, withChrome(story("unrelated")), MONDAY);
        Decision rewrite = triage.triage("rewrite", null, withChrome(story("jets-rewrite")), MONDAY);
        assertNull(rewrite.duplicateOf());
        assertEquals("original", rewrite.storyId());
    }

    @Test
    void aCopyOfARewriteTakesTheStoryOfTheRewrite() {
        triage.triage("rewrite", null, story("jets-rewrite"), MONDAY);
        Decision copy = triage.triage("copy-of-rewrite", null, withChrome(story("jets-rewrite")), MONDAY);
        assertEquals("rewrite", copy.duplicateOf());
        assertEquals("original", copy.storyId());
    }

    @Test
    void theSameEventReportedLongAfterIsANewStory() {
        Decision later = triage.triage("rewrite", null, story("jets-rewrite"), MONDAY.plus(Duration.ofDays(30)));
        assertNull(later.duplicateOf());
        assertEquals("rewrite", later.storyId());
    }

    @Test
    void theSameIdAgainGetsTheSameDecision() {
        Decision again = triage.triage("original", null, withChrome(story("unrelated")), MONDAY);
        assertEquals("original", again.storyId());
        assertFalse(again.isCopy());
    }

    @Test
    void emptyTextIsAnOriginalWithNoCandidates() {
        Decision empty = triage.triage("empty", null, "  ... ", MONDAY);
        assertFalse(empty.isCopy());
        assertEquals("empty", empty.storyId());
        assertEquals(0, empty.similarity());
    }
}
