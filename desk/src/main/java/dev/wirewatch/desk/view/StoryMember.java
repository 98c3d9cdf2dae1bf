package dev.wirewatch.desk.view;

import java.time.Instant;

/**
 * One article of a story, as the story page shows it.
 *
 * <p>Immutable. {@code role} is {@code first}, {@code rewrite} or {@code copy}; {@code similarity} is processing's
 * score for the decision (the estimated Jaccard similarity to the original for a copy, the story method's score for
 * a rewrite, 0 for the first). {@code title} and {@code publishedAt} may be null.
 */
public record StoryMember(String id, String url, String title, String source, Instant publishedAt, String role,
                          double similarity, Instant decidedAt) {

    public static final String FIRST = "first";
    public static final String REWRITE = "rewrite";
    public static final String COPY = "copy";
}
