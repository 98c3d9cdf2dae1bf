package dev.wirewatch.config;

import java.time.Duration;

/**
 * Windows and thresholds of the processing topology.
 *
 * <p>Immutable; a key left out of the YAML takes its default. Defaults and why (figures in BENCHMARKS.md):
 * <ul>
 * <li>{@code backfillWindow} 7 days: a topic added at runtime is matched against the last week (a story a newsroom
 * starts tracking is usually days old);</li>
 * <li>{@code storyRetention} 14 days: a (topic, story) is remembered two weeks after its last article (a story that
 * resurfaces after two quiet weeks is news again);</li>
 * <li>{@code retention} 14 days: how long an article stays a possible original of later copies and rewrites;</li>
 * <li>{@code copyJaccard} 0.45: estimated Jaccard similarity of word trigrams from which an article is a copy (every
 * copy on the near-copy dev stream scores ≥ 0.50, no non-copy above 0.35, and an independently edited wire story,
 * a rewrite, 0.40);</li>
 * <li>{@code copyContainment} 0.85 with {@code copyContainmentMinJaccard} 0.25: a shorter text 85 % contained in an
 * earlier one is a truncated copy;</li>
 * <li>{@code storyThreshold} 0.30: TF-IDF cosine (over word stems) from which two articles are one story when
 * the embedding signal does not serve their language (fitted by {@code StoryFit} on the dev pairs);</li>
 * <li>{@code storyWindow} 4 days: how far apart in publication time two articles of one story may be;</li>
 * <li>{@code streamThreads}: Kafka Streams threads, one per available core by default (the parallel steps have one
 * task per articles partition; triage is one task, so more threads than cores only add switching);</li>
 * <li>{@code standbyReplicas} 0: warm copies of processing state kept on other instances, so that one taking over
 * triage does not replay its changelogs first; set 1 when two or more instances run;</li>
 * <li>{@code embedding}: the sentence-embedding signal of the story level ({@link StoryEmbeddingSettings}).</li>
 * </ul>
 */
public record ProcessingSettings(Duration backfillWindow, Duration storyRetention, Duration retention,
                                 Double copyJaccard, Double copyContainment, Double copyContainmentMinJaccard,
                                 Double storyThreshold, Duration storyWindow, Integer streamThreads,
                                 Integer standbyReplicas, StoryEmbeddingSettings embedding) {

    public static final Duration DEFAULT_BACKFILL_WINDOW = Duration.ofDays(7);
    public static final Duration DEFAULT_STORY_RETENTION = Duration.ofDays(14);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    public static final double DEFAULT_COPY_JACCARD = 0.45;
    public static final double DEFAULT_COPY_CONTAINMENT = 0.85;
    public static final double DEFAULT_COPY_CONTAINMENT_MIN_JACCARD = 0.25;
    public static final double DEFAULT_STORY_THRESHOLD = 0.26;
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofDays(4);
    public static final int DEFAULT_STANDBY_REPLICAS = 0;

    public ProcessingSettings {
        backfillWindow = backfillWindow == null ? DEFAULT_BACKFILL_WINDOW : backfillWindow;
        storyRetention = storyRetention == null ? DEFAULT_STORY_RETENTION : storyRetention;
        retention = retention == null ? DEFAULT_RETENTION : retention;
        copyJaccard = copyJaccard == null ? DEFAULT_COPY_JACCARD : copyJaccard;
        copyContainment = copyContainment == null ? DEFAULT_COPY_CONTAINMENT : copyContainment;
        copyContainmentMinJaccard = copyContainmentMinJaccard == null ? DEFAULT_COPY_CONTAINMENT_MIN_JACCARD
                : copyContainmentMinJaccard;
        storyThreshold = storyThreshold == null ? DEFAULT_STORY_THRESHOLD : storyThreshold;
        storyWindow = storyWindow == null ? DEFAULT_STORY_WINDOW : storyWindow;
        streamThreads = streamThreads == null ? Runtime.getRuntime().availableProcessors() : streamThreads;
        standbyReplicas = standbyReplicas == null ? DEFAULT_STANDBY_REPLICAS : standbyReplicas;
        embedding = embedding == null ? StoryEmbeddingSettings.defaults() : embedding;
    }

    /** These settings with {@code embedding} instead of theirs. */
    public ProcessingSettings withEmbedding(StoryEmbeddingSettings embedding) {
        return new ProcessingSettings(backfillWindow, storyRetention, retention, copyJaccard, copyContainment,
                copyContainmentMinJaccard, storyThreshold, storyWindow, streamThreads, standbyReplicas, embedding);
    }

    public static ProcessingSettings defaults() {
        return new ProcessingSettings(null, null, null, null, null, null, null, null, null, null, null);
    }
}
