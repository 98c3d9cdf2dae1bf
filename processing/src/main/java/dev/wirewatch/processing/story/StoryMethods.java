package dev.wirewatch.processing.story;

import dev.wirewatch.config.ProcessingSettings;

/**
 * Picks the story method processing runs: the one line to change when a method is added or swapped.
 *
 * <p>Stateless.
 */
public final class StoryMethods {

    private StoryMethods() {
    }

    /** The method of this build, with the thresholds of {@code settings}. */
    public static StoryMethod<?, ?> standard(ProcessingSettings settings) {
        return new TfIdfStoryMethod(settings.storyThreshold());
    }
}
