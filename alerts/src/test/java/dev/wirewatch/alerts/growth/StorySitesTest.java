package dev.wirewatch.alerts.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.StoryAssignment;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorySitesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private final StorySites sites = new StorySites(Duration.ofDays(14));

    private void decide(String article, String story, String site) {
        sites.apply(article, new StoryAssignment(1, article, story, null, 0, "joined-story", T0,
                "https://" + site + "/" + article, "t", site, null));
    }

    @Test
    void aStoryCountsEachSiteOnceAndLosesOnlyASiteWhoseLastArticleLeaves() {
        decide("a1", "s1", "wire.example");
        decide("a2", "s1", "Wire.Example"); // the same site, however it is written
        decide("a3", "s1", "daily.example");
        assertEquals(2, sites.sites("s1"));

        decide("a1", "s2", "wire.example"); // decided again, into another story
        assertEquals(2, sites.sites("s1"), "a2 still carries wire.example");
        assertEquals(1, sites.sites("s2"));

        long before = sites.changedAt("s1");
        sites.apply("a2", null);
        assertEquals(1, sites.sites("s1"), "its last wire.example article is gone");
        assertTrue(sites.changedAt("s1") > before);
        decide("a3", "s1", "daily.example"); // the same decision again changes nothing
        assertEquals(1, sites.sites("s1"));
    }
}
