package dev.wirewatch.processing.triage;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import java.time.Duration;

/**
 * The parameters of triage (near-copies and stories), taken from the processing configuration (whose javadoc and
 * the README give the defaults and why) plus the partition count of the candidate index.
 *
 * <p>Immutable. {@code storyThreshold}: TF-IDF cosine from which two articles are one story. {@code storyWindow}:
 * how far apart in publication time two articles of one story may be. {@code retention}: how long an article stays
 * a candidate original. {@code orderingGrace}: how long the candidate index holds an article before indexing it.
 * {@code partitions}: the partitions of the candidate index (each holds the band buckets and postings whose keys
 * hash to it).
 */
public record TriageSettings(NearDuplicateSettings duplicates, double storyThreshold, Duration storyWindow,
                             Duration retention, Duration orderingGrace, int partitions) {

    public TriageSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be ≥ 1, not " + partitions);
        }
        if (storyWindow.compareTo(retention) > 0) {
            throw new IllegalArgumentException("the story window (" + storyWindow + ") must not exceed the retention ("
                    + retention + ")");
        }
    }

    /** The triage parameters of {@code settings}, for a candidate index of {@code partitions} partitions. */
    public static TriageSettings from(ProcessingSettings settings, int partitions) {
        NearDuplicateSettings shape = NearDuplicateSettings.DEFAULTS; // shingles, hashes, bands: not configurable
        return new TriageSettings(new NearDuplicateSettings(shape.shingleWords(), shape.hashes(), shape.bandRows(),
                settings.copyJaccard(), settings.copyContainment(), settings.copyContainmentMinJaccard()),
                settings.storyThreshold(), settings.storyWindow(), settings.retention(), settings.orderingGrace(),
                partitions);
    }

    /** The defaults, for a candidate index of {@code partitions} partitions. */
    public static TriageSettings defaults(int partitions) {
        return from(ProcessingSettings.defaults(), partitions);
    }

    public TriageSettings withPartitions(int newPartitions) {
        return new TriageSettings(duplicates, storyThreshold, storyWindow, retention, orderingGrace, newPartitions);
    }
}
