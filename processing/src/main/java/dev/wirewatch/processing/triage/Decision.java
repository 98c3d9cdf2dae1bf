package dev.wirewatch.processing.triage;

/**
 * The triage of one article: a copy of {@code duplicateOf} (the first article of its cluster) or not (null), and
 * the story it belongs to. {@code rule} names what decided: {@code exact-content}, {@code near-copy-jaccard} or
 * {@code near-copy-containment} for a copy, {@code joined-story} or {@code new-story} for the others.
 * {@code similarity} is the Jaccard similarity to the original for a copy, else the best seen to any earlier
 * article; {@code storySimilarity} is the story method's score through which it joined a story (0 when it starts
 * one or is a copy). {@code timestamp}: triage time (epoch millis) at which it was decided.
 *
 * <p>Immutable.
 */
public record Decision(String articleId, long timestamp, String duplicateOf, double similarity, String rule,
                       String storyId, double storySimilarity) {

    public static final String EXACT_CONTENT = "exact-content";
    public static final String JOINED_STORY = "joined-story";
    public static final String NEW_STORY = "new-story";

    public boolean isCopy() {
        return duplicateOf != null;
    }

    /** The original this article stands for: its own id, or the original it copies. */
    public String originalId() {
        return duplicateOf != null ? duplicateOf : articleId;
    }
}
