package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.Paragraph;
import java.util.List;
import java.util.Map;

/**
 * What the candidate index needs of an article: its id and order ({@code timestamp}, then id), its publication time
 * (epoch millis, null when unknown), the MinHash signature of its body, the word counts of its title and body, and
 * its edge paragraphs ({@link dev.wirewatch.processing.story.RepeatedParagraphs}; empty in sketches written before
 * they were tracked).
 *
 * <p>Immutable; the array and maps are not copied and must not be modified.
 */
public record Sketch(String id, long timestamp, Long publishedAt, int[] mins, int shingles,
                     Map<String, Integer> terms, List<Paragraph> edges) {

    public Sketch {
        edges = edges == null ? List.of() : edges;
    }

    /** This sketch at another point of the triage order. */
    public Sketch at(long newTimestamp) {
        return new Sketch(id, newTimestamp, publishedAt, mins, shingles, terms, edges);
    }
}
