package dev.wirewatch.processing.triage;

/**
 * The triage of one article: a near-copy of {@code duplicateOf} (the first article of its cluster) or not (null),
 * and the story it belongs to. {@code similarity} is the Jaccard similarity to the original (for an original, the
 * best seen to any earlier article); {@code rule} names the test that made it a copy; {@code storySimilarity} is the
 * cosine through which it joined an earlier story (0 when it starts one or is a copy).
 *
 * <p>Immutable.
 */
public record Decision(String articleId, long timestamp, String duplicateOf, double similarity, String rule,
                       String storyId, double storySimilarity) {

    public boolean isCopy() {
        return duplicateOf != null;
    }

    /** The original this article stands for: its own id, or the original it copies. */
    public String originalId() {
        return duplicateOf != null ? duplicateOf : articleId;
    }
}
