package dev.wirewatch.desk.view;

import java.time.Instant;

/**
 * Which stories a listing shows: those of a topic, seen since a time (and until one), run by a source.
 *
 * <p>Immutable; any field may be null for "any". {@code limit} is at least 1.
 */
public record StoryFilter(String topic, Instant since, Instant until, String source, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public StoryFilter {
        topic = blankToNull(topic);
        source = blankToNull(source);
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static StoryFilter all() {
        return new StoryFilter(null, null, null, null, DEFAULT_LIMIT);
    }

    boolean admits(StorySummary story) {
        return (topic == null || story.topics().contains(topic))
                && (since == null || story.lastSeenAt() != null && !story.lastSeenAt().isBefore(since))
                && (until == null || story.firstSeenAt() != null && !story.firstSeenAt().isAfter(until))
                && (source == null || story.sources().contains(source));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
