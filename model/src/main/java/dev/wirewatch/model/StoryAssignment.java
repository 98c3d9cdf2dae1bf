package dev.wirewatch.model;

import java.time.Instant;

/**
 * Processing's decision on one article, the record on the compacted {@code story-assignments} topic (key = article
 * id): the story it belongs to, and the original it copies when it is a copy.
 *
 * <p>Immutable. {@code duplicateOf}, {@code title} and {@code publishedAt} may be null. {@code rule} says what
 * decided: {@code exact-content}, {@code near-copy-jaccard} or {@code near-copy-containment} for a copy (then
 * {@code similarity} is the estimated Jaccard similarity to the original), {@code joined-story} (the story method's
 * score to the closest earlier article of the story) or {@code new-story} (0). {@code decidedAt} is triage time:
 * the timestamp of the article's record as processing ordered it, not a wall clock.
 */
public record StoryAssignment(
        int schemaVersion,
        String articleId,
        String storyId,
        String duplicateOf,
        double similarity,
        String rule,
        Instant decidedAt,
        String url,
        String title,
        String source,
        Instant publishedAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public StoryAssignment {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        require(articleId, "articleId");
        require(storyId, "storyId");
        require(rule, "rule");
        if (decidedAt == null) {
            throw new IllegalArgumentException("StoryAssignment.decidedAt must not be null");
        }
    }

    /** True when the article is a copy of {@link #duplicateOf}. */
    public boolean isCopy() {
        return duplicateOf != null;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("StoryAssignment." + field + " must not be blank");
        }
    }
}
