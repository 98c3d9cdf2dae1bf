package dev.wirewatch.processing.story;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.config.StoryEmbeddingSettings;
import java.util.Set;

/**
 * Picks the story method processing runs: the one line to change when a method is added or swapped.
 *
 * <p>Stateless.
 */
public final class StoryMethods {

    private StoryMethods() {
    }

    /**
     * The method of this build, with the thresholds of {@code settings}; loads the embedding model when the
     * settings ask for it.
     *
     * @throws IllegalArgumentException when the configured model does not load
     */
    public static StoryMethod<?, ?> standard(ProcessingSettings settings) {
        StoryEmbeddingSettings e = settings.embedding();
        TfIdfEmbeddingStoryMethod.EmbeddingSignal signal = !e.enabled() ? null
                : new TfIdfEmbeddingStoryMethod.EmbeddingSignal(e.shippedModel() ? OnnxSentenceEmbedder.shipped()
                        : OnnxSentenceEmbedder.of(e.model(), e.tokenizer()), Set.copyOf(e.languages()),
                        e.threshold(), e.lexicalFloor(), e.supportedThreshold(), e.supportingLexical(),
                        e.leadWords(), e.matchingOnly());
        return new TfIdfEmbeddingStoryMethod(new TfIdfStoryMethod(settings.storyThreshold()), signal);
    }
}
