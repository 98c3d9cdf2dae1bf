package dev.wirewatch.alerts;

import dev.wirewatch.model.Mention;
import java.time.Instant;
import java.util.List;

/** Mentions for the alert tests, written for them. */
public final class Mentions {

    private Mentions() {
    }

    public static Mention of(String topicId, String storyId, String title) {
        return new Mention(1, topicId, topicId.toUpperCase(), storyId, "article-" + storyId,
                "https://news.example/" + storyId, title, "Coastal Ledger", "… signed for the **" + topicId
                + "** fleet on Monday …", List.of(topicId), Instant.parse("2026-03-04T06:00:00Z"),
                Instant.parse("2026-03-04T06:05:00Z"), false);
    }

    /** A mention of a topic carrying {@code labels}. */
    public static Mention labelled(String topicId, String storyId, String... labels) {
        Mention m = of(topicId, storyId, "t");
        return new Mention(1, m.topicId(), m.topicName(), m.storyId(), m.articleId(), m.url(), m.title(), m.source(),
                m.snippet(), m.matchedTerms(), m.publishedAt(), m.detectedAt(), false, List.of(labels), false);
    }

    public static Alert alert(String topicId, String storyId, String title) {
        return Alert.from(of(topicId, storyId, title));
    }
}
