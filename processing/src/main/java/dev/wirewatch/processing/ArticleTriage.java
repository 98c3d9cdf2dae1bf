package dev.wirewatch.processing;

import dev.wirewatch.processing.dedup.DedupVerdict;
import dev.wirewatch.processing.dedup.NearDuplicateDetector;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.story.StoryClusterer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides, for each article in arrival order, whether it is a near-copy of one seen before and which story it
 * belongs to: a copy joins its original's story; an original is clustered with earlier articles on the same event.
 *
 * <p>Kafka-free; not thread safe. This is what {@code wirewatch dedup} runs.
 */
public final class ArticleTriage {

    /** Story similarity (TF-IDF cosine) from which two articles are one story. */
    public static final double DEFAULT_STORY_THRESHOLD = 0.35;
    /** How far apart in publication time two articles of one story may be. */
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofDays(4);

    /** The decision on one article. */
    public record Triage(DedupVerdict verdict, String storyId) {
        /** The original this article copies, or null. */
        public String duplicateOf() {
            return verdict instanceof DedupVerdict.NearCopyOf copy ? copy.originalId() : null;
        }
    }

    private final NearDuplicateDetector duplicates;
    private final StoryClusterer stories;
    private final Map<String, String> storyOf = new HashMap<>();

    public ArticleTriage(NearDuplicateSettings settings, double storyThreshold, Duration storyWindow) {
        this.duplicates = new NearDuplicateDetector(settings);
        this.stories = new StoryClusterer(storyThreshold, storyWindow);
    }

    public static ArticleTriage withDefaults() {
        return new ArticleTriage(NearDuplicateSettings.DEFAULTS, DEFAULT_STORY_THRESHOLD, DEFAULT_STORY_WINDOW);
    }

    /** Triage of one article; {@code title} and {@code publishedAt} may be null. */
    public Triage triage(String id, String title, String text, Instant publishedAt) {
        DedupVerdict verdict = duplicates.screen(id, text);
        String storyText = title == null ? text : title + "\n\n" + text;
        String storyId;
        if (verdict instanceof DedupVerdict.NearCopyOf copy) {
            storyId = storyOf.getOrDefault(copy.originalId(), copy.originalId());
            stories.joinAsCopy(id, storyText, storyId, publishedAt);
        } else {
            storyId = stories.assign(id, storyText, publishedAt).storyId();
        }
        storyOf.putIfAbsent(id, storyId);
        return new Triage(verdict, storyOf.get(id));
    }
}
