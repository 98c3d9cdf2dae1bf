package dev.wirewatch.processing.mention;

import java.time.Instant;

/**
 * What the first-mention step remembers per (topic, story): the first article, how many articles mentioned the
 * topic, the last one, and when the pair was last seen (for expiry).
 *
 * <p>Immutable.
 */
public record MentionTally(String firstArticleId, int articles, String lastArticleId, Instant lastSeen) {

    public MentionTally counting(String articleId, Instant now) {
        return articleId.equals(lastArticleId) || articleId.equals(firstArticleId)
                ? new MentionTally(firstArticleId, articles, lastArticleId, now)
                : new MentionTally(firstArticleId, articles + 1, articleId, now);
    }
}
