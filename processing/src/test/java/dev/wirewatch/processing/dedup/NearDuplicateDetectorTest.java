package dev.wirewatch.processing.dedup;

import static dev.wirewatch.processing.Fixtures.lightlyEdited;
import static dev.wirewatch.processing.Fixtures.reordered;
import static dev.wirewatch.processing.Fixtures.story;
import static dev.wirewatch.processing.Fixtures.truncated;
import static dev.wirewatch.processing.Fixtures.withChrome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NearDuplicateDetectorTest {

    private NearDuplicateDetector detector;

    @BeforeEach
    void retainOriginal() {
        detector = new NearDuplicateDetector(NearDuplicateSettings.DEFAULTS);
        assertInstanceOf(DedupVerdict.Original.class, detector.screen("original", story("jets-original")));
    }

    private DedupVerdict.NearCopyOf copy(String id, String text) {
        return assertInstanceOf(DedupVerdict.NearCopyOf.class, detector.screen(id, text), id);
    }

    @Test
    void republicationUnderOtherBoilerplateIsACopy() {
        DedupVerdict.NearCopyOf copy = copy("chrome", withChrome(story("jets-original")));
        assertEquals("original", copy.originalId());
        assertTrue(copy.similarity() >= 0.4, String.valueOf(copy.similarity()));
    }

    @Test
    void lightEditsAndANewHeadlineAreACopy() {
        copy("edited", lightlyEdited(story("jets-original")));
    }

    @Test
    void copyCutToSixtyPercentIsACopy() {
        copy("truncated", truncated(story("jets-original"), 0.6));
    }

    @Test
    void reorderedParagraphsAreACopy() {
        copy("reordered", reordered(story("jets-original"), 7));
    }

    @Test
    void aCopyOfACopyPointsAtTheFirstOriginal() {
        copy("edited", lightlyEdited(story("jets-original")));
        assertEquals("original", copy("edited-then-chrome", withChrome(lightlyEdited(story("jets-original"))))
                .originalId());
    }

    @Test
    void rewriteOfTheSameReportIsNotACopy() {
        assertInstanceOf(DedupVerdict.Original.class, detector.screen("rewrite", story("jets-rewrite")));
    }

    @Test
    void otherArticlesOnTheSameSubjectOrUnderTheSameChromeAreNotCopies() {
        assertInstanceOf(DedupVerdict.Original.class, detector.screen("crash", withChrome(story("jets-crash"))));
        assertInstanceOf(DedupVerdict.Original.class, detector.screen("trees", withChrome(story("unrelated"))));
    }

    @Test
    void signaturesAreStableAcrossInstances() {
        NearDuplicateDetector other = new NearDuplicateDetector(NearDuplicateSettings.DEFAULTS);
        assertEquals(detector.sign(story("jets-crash")), other.sign(story("jets-crash")));
    }

    @Test
    void emptyTextIsAnOriginalWithNoCandidates() {
        assertEquals(new DedupVerdict.Original(0), detector.screen("empty", "  ... "));
    }
}
