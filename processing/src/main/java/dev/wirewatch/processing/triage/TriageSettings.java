package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import java.time.Duration;

/**
 * The parameters of triage (near-copies and stories), with defaults chosen by measurement (see BENCHMARKS.md).
 *
 * <p>Immutable. {@code storyThreshold}: TF-IDF cosine from which two articles are one story (the seed rewrites of one
 * report score 0.44–0.46, different events on one subject ≤ 0.22). {@code storyWindow}: how far apart in
 * publication time two articles of one story may be. {@code retention}: how long an article stays a candidate
 * original (state older than this is dropped). {@code orderingGrace}: how long the candidate index holds an article
 * so that one written slightly earlier to another partition is indexed first. {@code partitions}: the partitions of
 * the candidate index (each holds the band buckets and postings whose keys hash to it).
 */
public record TriageSettings(NearDuplicateSettings duplicates, double storyThreshold, Duration storyWindow,
                             Duration retention, Duration orderingGrace, int partitions) {

    public static final double DEFAULT_STORY_THRESHOLD = 0.35;
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofDays(4);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    public static final Duration DEFAULT_ORDERING_GRACE = Duration.ofSeconds(2);

    public TriageSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be ≥ 1, not " + partitions);
        }
        if (storyWindow.compareTo(retention) > 0) {
            throw new IllegalArgumentException("the story window (" + storyWindow + ") must not exceed the retention ("
                    + retention + ")");
        }
    }

    public static TriageSettings defaults(int partitions) {
        return new TriageSettings(NearDuplicateSettings.DEFAULTS, DEFAULT_STORY_THRESHOLD, DEFAULT_STORY_WINDOW,
                DEFAULT_RETENTION, DEFAULT_ORDERING_GRACE, partitions);
    }

    public TriageSettings withPartitions(int newPartitions) {
        return new TriageSettings(duplicates, storyThreshold, storyWindow, retention, orderingGrace, newPartitions);
    }

    public TriageSettings withOrderingGrace(Duration grace) {
        return new TriageSettings(duplicates, storyThreshold, storyWindow, retention, grace, partitions);
    }
}
