package dev.wirewatch.processing.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wirewatch.model.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstMentionsTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private final FirstMentions first = new FirstMentions(FirstMentions.Tallies.inMemory(), Duration.ofDays(14));

    private static Mention mention(String article, String story) {
        return new Mention(1, "su-35", "Su-35", story, article, "https://a.example/" + article, null, "a", null,
                List.of(), null, Instant.EPOCH, false);
    }

    @Test
    void onlyTheFirstArticleOfAStoryPassesAndEveryOneIsCounted() {
        assertNotNull(first.observe(mention("a", "s"), 0).first());
        MentionOutcome second = first.observe(mention("b", "s"), 1);
        assertNull(second.first());
        assertEquals(2, second.count().articles());
        assertEquals("a", second.count().firstArticleId());
        assertNotNull(first.observe(mention("c", "other"), 2).first(), "another story alerts");
    }

    @Test
    void theSameArticleAgainIsNotASecondArticle() {
        first.observe(mention("a", "s"), 0);
        assertEquals(1, first.observe(mention("a", "s"), 1).count().articles());
    }

    @Test
    void aStoryQuietLongerThanTheRetentionAlertsAgain() {
        first.observe(mention("a", "s"), 0);
        assertNull(first.observe(mention("b", "s"), 13 * DAY).first(), "still remembered: seen 13 days ago");
        assertNotNull(first.observe(mention("c", "s"), 28 * DAY).first(), "15 days after its last article");
    }
}
