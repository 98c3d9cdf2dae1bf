package dev.wirewatch.processing.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MentionTallyTest {

    private static final Instant T0 = Instant.parse("2025-07-14T00:00:00Z");

    @Test
    void laterArticlesOfTheStoryCountAndReplaysDoNot() {
        MentionTally tally = new MentionTally("a", 1, "a", T0);
        tally = tally.counting("b", T0.plusSeconds(60));
        assertEquals(2, tally.articles());
        assertEquals("b", tally.lastArticleId());
        tally = tally.counting("b", T0.plusSeconds(120));
        tally = tally.counting("a", T0.plusSeconds(180));
        assertEquals(2, tally.articles(), "a re-ingested article is not another article");
        assertEquals(T0.plusSeconds(180), tally.lastSeen());
        assertEquals("a", tally.firstArticleId());
    }
}
