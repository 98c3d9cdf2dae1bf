package dev.wirewatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tracked topic mentioned for the first time in a story, the record on the {@code mentions} topic.
 *
 * <p>Immutable. One mention is emitted per (topic, story); {@link #key()} is that pair and is the record key on the
 * wire. {@code title}, {@code snippet} and {@code publishedAt} may be null; {@code matchedTerms} is never null.
 * {@code backfill} is true for a mention found when its topic was added, in an article retained from before.
 * {@code labels} are the topic's labels when the mention was found (sinks may route by them); never null.
 * {@code urgent} is true when the topic was marked urgent: it passes a sink's quiet hours and digest.
 */
public record Mention(
        int schemaVersion,
        String topicId,
        String topicName,
        String storyId,
        String articleId,
        String url,
        String title,
        String source,
        String snippet,
        List<String> matchedTerms,
        Instant publishedAt,
        Instant detectedAt,
        boolean backfill,
        List<String> labels,
        boolean urgent) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public Mention {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        requireText(topicId, "topicId");
        requireText(storyId, "storyId");
        requireText(articleId, "articleId");
        requireText(url, "url");
        requireText(source, "source");
        topicName = topicName == null || topicName.isBlank() ? topicId : topicName;
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        labels = labels == null ? List.of() : List.copyOf(labels);
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** A mention of a topic without labels. */
    public Mention(int schemaVersion, String topicId, String topicName, String storyId, String articleId, String url,
                   String title, String source, String snippet, List<String> matchedTerms, Instant publishedAt,
                   Instant detectedAt, boolean backfill) {
        this(schemaVersion, topicId, topicName, storyId, articleId, url, title, source, snippet, matchedTerms,
                publishedAt, detectedAt, backfill, List.of(), false);
    }

    /** The (topic, story) key of this mention: {@code topicId + "/" + storyId}. */
    public String key() {
        return keyOf(topicId, storyId);
    }

    /** The (topic, story) key used on the wire and in state stores. */
    public static String keyOf(String topicId, String storyId) {
        return topicId + "/" + storyId;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Mention." + field + " must not be blank");
        }
    }
}
