package dev.wirewatch.processing.triage;

import java.util.Map;

/**
 * What the candidate index needs of an article: its id and order ({@code timestamp}, then id), its publication time
 * (epoch millis, null when unknown), the MinHash signature of its body and the word counts of its title and body.
 *
 * <p>Immutable; the array and map are not copied and must not be modified.
 */
public record Sketch(String id, long timestamp, Long publishedAt, int[] mins, int shingles,
                     Map<String, Integer> terms) {

    /** This sketch at another point of the triage order. */
    public Sketch at(long newTimestamp) {
        return new Sketch(id, newTimestamp, publishedAt, mins, shingles, terms);
    }
}
