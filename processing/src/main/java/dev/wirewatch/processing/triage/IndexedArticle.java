package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.BandMember;
import java.util.Map;

/**
 * An article as a partition of the candidate index retains it: enough to verify a near-copy (the signature) and to
 * score a story match (the TF-IDF vector of its heaviest terms).
 *
 * <p>Immutable; the array and map are not copied and must not be modified.
 */
public record IndexedArticle(String id, long timestamp, Long publishedAt, int[] mins, int shingles,
                             Map<String, Double> vector) {

    BandMember asBandMember() {
        return new BandMember(id, timestamp, mins, shingles);
    }
}
