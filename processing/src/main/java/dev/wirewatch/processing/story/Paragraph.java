package dev.wirewatch.processing.story;

import java.util.Map;

/**
 * One paragraph of an article as the story level tracks it: the key of its normalized text and its word counts.
 *
 * <p>Immutable; the map is not copied and must not be modified.
 */
public record Paragraph(long key, Map<String, Integer> terms) {

    public Paragraph {
        terms = terms == null ? Map.of() : terms;
    }
}
