package dev.wirewatch.processing.dedup;

/**
 * A verdict that an article is a near-copy of {@code originalId}, with the estimated Jaccard similarity and the
 * rule that decided ({@code jaccard} for a republication, {@code containment} for a truncated one); it feeds the
 * {@code duplicates} audit topic, metric tags and test assertions.
 *
 * <p>Immutable.
 */
public record NearCopy(String originalId, double similarity, String rule) {
}
