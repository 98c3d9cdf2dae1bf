package dev.wirewatch.processing.triage;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import java.time.Duration;

/**
 * The parameters of triage, taken from the processing configuration (whose javadoc and the README give the defaults
 * and why).
 *
 * <p>Immutable. {@code storyWindow}: how far apart in publication time two articles of one story may be, and how
 * far back (triage time) story candidates are looked for. {@code retention}: how long an article stays a candidate
 * original and answers for its decision. {@code storyRetention}: how long a (topic, story) is remembered after its
 * last mention.
 */
public record TriageSettings(NearDuplicateSettings duplicates, Duration storyWindow, Duration retention,
                             Duration storyRetention) {

    public TriageSettings {
        if (storyWindow.compareTo(retention) > 0) {
            throw new IllegalArgumentException("the story window (" + storyWindow + ") must not exceed the retention ("
                    + retention + ")");
        }
    }

    /** The triage parameters of {@code settings}. */
    public static TriageSettings from(ProcessingSettings settings) {
        NearDuplicateSettings shape = NearDuplicateSettings.DEFAULTS; // shingles, hashes, bands: not configurable
        return new TriageSettings(new NearDuplicateSettings(shape.shingleWords(), shape.hashes(), shape.bandRows(),
                shape.bands(),
                settings.copyJaccard(), settings.copyContainment(), settings.copyContainmentMinJaccard()),
                settings.storyWindow(), settings.retention(), settings.storyRetention());
    }

    public static TriageSettings defaults() {
        return from(ProcessingSettings.defaults());
    }
}
