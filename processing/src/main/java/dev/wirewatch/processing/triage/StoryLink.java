package dev.wirewatch.processing.triage;

/**
 * The closest earlier article found for a story: its id and the TF-IDF cosine to it.
 *
 * <p>Immutable.
 */
public record StoryLink(String articleId, double similarity) {

    /** The better of two links: higher similarity, then the smaller id, so that every partition count agrees. */
    public static StoryLink better(StoryLink a, StoryLink b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.similarity != b.similarity) {
            return a.similarity > b.similarity ? a : b;
        }
        return a.articleId.compareTo(b.articleId) <= 0 ? a : b;
    }
}
