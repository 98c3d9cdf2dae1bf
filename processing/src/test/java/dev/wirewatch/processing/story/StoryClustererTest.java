package dev.wirewatch.processing.story;

import static dev.wirewatch.processing.Fixtures.story;
import static dev.wirewatch.processing.Fixtures.withChrome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wirewatch.processing.ArticleTriage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

    private static final Instant MONDAY = Instant.parse("2025-07-14T06:00:00Z");
    private final ArticleTriage triage = ArticleTriage.withDefaults();

    @Test
    void rewriteJoinsTheStoryAndAnotherEventOnTheSameSubjectDoesNot() {
        assertEquals("deal", triage.triage("deal", null, story("jets-original"), MONDAY).storyId());
        assertEquals("deal", triage.triage("rewrite", null, story("jets-rewrite"), MONDAY.plusSeconds(3600))
                .storyId());
        assertEquals("crash", triage.triage("crash", null, story("jets-crash"), MONDAY.plusSeconds(7200))
                .storyId());
        assertEquals("trees", triage.triage("trees", null, story("unrelated"), MONDAY).storyId());
    }

    @Test
    void aCopyTakesItsOriginalsStory() {
        triage.triage("deal", null, story("jets-original"), MONDAY);
        triage.triage("rewrite", null, story("jets-rewrite"), MONDAY);
        ArticleTriage.Triage copy = triage.triage("copy-of-rewrite", null, withChrome(story("jets-rewrite")), MONDAY);
        assertEquals("rewrite", copy.duplicateOf());
        assertEquals("deal", copy.storyId());
    }

    @Test
    void theSameEventReportedLongAfterIsANewStory() {
        triage.triage("deal", null, story("jets-original"), MONDAY);
        ArticleTriage.Triage later = triage.triage("rewrite", null, story("jets-rewrite"),
                MONDAY.plus(Duration.ofDays(30)));
        assertNull(later.duplicateOf());
        assertEquals("rewrite", later.storyId());
    }

    @Test
    void similarityAboveTheThresholdIsReported() {
        StoryClusterer clusterer = new StoryClusterer(0.35, Duration.ofDays(4));
        assertEquals(0, clusterer.assign("a", story("jets-original"), null).similarity());
        StoryClusterer.Assignment joined = clusterer.assign("b", story("jets-rewrite"), null);
        assertEquals("a", joined.storyId());
        assertEquals(true, joined.similarity() >= 0.35, String.valueOf(joined.similarity()));
    }
}
