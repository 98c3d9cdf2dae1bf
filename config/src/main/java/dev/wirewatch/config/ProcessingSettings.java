package dev.wirewatch.config;

import java.time.Duration;

/**
 * Windows of the processing topology.
 *
 * <p>Immutable. Defaults and why: a topic added at runtime is matched against the last 7 days of articles (a
 * story a newsroom starts tracking is usually days old); a (topic, story) is remembered 14 days after its last
 * article (a story that resurfaces after two quiet weeks is news again).
 */
public record ProcessingSettings(Duration backfillWindow, Duration storyRetention) {

    public static final Duration DEFAULT_BACKFILL_WINDOW = Duration.ofDays(7);
    public static final Duration DEFAULT_STORY_RETENTION = Duration.ofDays(14);

    public ProcessingSettings {
        backfillWindow = backfillWindow == null ? DEFAULT_BACKFILL_WINDOW : backfillWindow;
        storyRetention = storyRetention == null ? DEFAULT_STORY_RETENTION : storyRetention;
    }

    public static ProcessingSettings defaults() {
        return new ProcessingSettings(null, null);
    }
}
