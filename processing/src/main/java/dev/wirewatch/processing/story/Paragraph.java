package dev.wirewatch.processing.story;

/**
 * One paragraph of an article as the story level tracks it: the key of its normalized text and its word counts.
 *
 * <p>Immutable.
 */
public record Paragraph(long key, TermCounts terms) {

    public Paragraph {
        terms = terms == null ? TermCounts.EMPTY : terms;
    }
}
