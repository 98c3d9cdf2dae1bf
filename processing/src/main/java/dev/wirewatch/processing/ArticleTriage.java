package dev.wirewatch.processing;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.ContentHash;
import dev.wirewatch.processing.story.StoryMethod;
import dev.wirewatch.processing.story.StoryMethods;
import dev.wirewatch.processing.triage.Decision;
import dev.wirewatch.processing.triage.FeatureExtractor;
import dev.wirewatch.processing.triage.Triage;
import dev.wirewatch.processing.triage.TriageItem;
import dev.wirewatch.processing.triage.TriageSettings;
import dev.wirewatch.processing.triage.TriageStorage;
import java.time.Instant;
import java.util.List;

/**
 * Decides, for each article in arrival order, whether it copies one seen before and which story it belongs to, by
 * the topology's own steps: {@link FeatureExtractor}, then {@link Triage} with its state in memory.
 *
 * <p>Kafka-free; not thread safe. This is what {@code wirewatch dedup} runs.
 */
public final class ArticleTriage {

    private final FeatureExtractor features;
    private final Triage<?, ?> triage;
    private long arrivals;

    public ArticleTriage(ProcessingSettings settings) {
        TriageSettings triageSettings = TriageSettings.from(settings);
        StoryMethod<?, ?> method = StoryMethods.standard(settings);
        this.features = new FeatureExtractor(triageSettings.duplicates(), method);
        this.triage = Triage.of(triageSettings, method, TriageStorage.inMemory(triageSettings.retention(),
                triageSettings.storyWindow()), Triage.Problems.NONE);
    }

    public static ArticleTriage withDefaults() {
        return new ArticleTriage(ProcessingSettings.defaults());
    }

    /** Triage of one article; {@code title} and {@code publishedAt} may be null. */
    public Decision triage(String id, String title, String text, Instant publishedAt) {
        TriageItem item = new TriageItem(TriageItem.SCHEMA_VERSION, id, "urn:article:" + id, title, "stdin",
                publishedAt, features.features(ContentHash.of(text), title, text), List.of());
        return triage.decide(item, arrivals++).decision(); // one millisecond per article: all within retention
    }
}
