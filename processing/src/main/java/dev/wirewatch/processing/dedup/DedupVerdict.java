package dev.wirewatch.processing.dedup;

/**
 * Why an article was or was not taken for a copy; feeds logs, metric tags, the {@code duplicates} audit topic and
 * test assertions.
 */
public sealed interface DedupVerdict {

    /** The best similarity to an earlier article (0 when none was close enough to compare). */
    double similarity();

    /** Not a copy of any retained article. */
    record Original(double similarity) implements DedupVerdict {
    }

    /**
     * A copy of {@code originalId}, the first article of its cluster; {@code rule} names the test that decided
     * ({@code jaccard} for a republication, {@code containment} for a truncated one).
     */
    record NearCopyOf(String originalId, double similarity, String rule) implements DedupVerdict {
    }
}
