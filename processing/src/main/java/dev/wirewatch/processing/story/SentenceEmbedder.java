package dev.wirewatch.processing.story;

/**
 * Turns a short text into a sentence embedding: the one thing the story level asks of a model.
 *
 * <p>Implementations are thread safe (features are computed by several stream threads at once).
 */
public interface SentenceEmbedder {

    /** The embedding of {@code text}, any length (the model reads as much as it can). */
    float[] embed(String text);
}
