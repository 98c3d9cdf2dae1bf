package dev.wirewatch.processing.story;

/**
 * Turns a short text into a sentence embedding: the one thing the story level asks of a model.
 *
 * <p>Implementations are thread safe (features are computed by several stream threads at once).
 */
public interface SentenceEmbedder {

    /** The embedding of {@code text}, any length (the model reads as much as it can). */
    float[] embed(String text);

    /**
     * The share of {@code text}'s words (letters only) that the model knows whole, from 0 to 1: how much of it the
     * model can read. Text it cannot read (another language, names and codes, made-up words) gets embeddings that
     * look alike whatever they say. By default 1 (a model that cannot tell).
     */
    default double knownShare(String text) {
        return 1;
    }
}
