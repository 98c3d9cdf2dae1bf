package dev.wirewatch.model;

import java.time.Instant;

/**
 * How many articles of a story have mentioned a topic so far, on the compacted {@code mention-counts} topic
 * (key = {@code topicId/storyId}); alerts use it to say how widely a story is running.
 *
 * <p>Immutable. {@code articles} ≥ 1; copies dropped by deduplication are not counted here.
 */
public record MentionCount(int schemaVersion, String topicId, String storyId, String firstArticleId, int articles,
                           String lastArticleId, Instant updatedAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public MentionCount {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (topicId == null || storyId == null || firstArticleId == null || articles < 1 || updatedAt == null) {
            throw new IllegalArgumentException("MentionCount needs topicId, storyId, firstArticleId, articles >= 1 "
                    + "and updatedAt");
        }
    }

    /** The (topic, story) key, as on {@code mentions}. */
    public String key() {
        return Mention.keyOf(topicId, storyId);
    }
}
