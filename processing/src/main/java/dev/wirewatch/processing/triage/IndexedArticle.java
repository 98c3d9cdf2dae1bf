package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.BandMember;
import dev.wirewatch.processing.story.TermVector;

/**
 * An article as a partition of the candidate index retains it: enough to verify a near-copy (the signature) and to
 * score a story match (the TF-IDF vector of its heaviest terms).
 *
 * <p>Immutable; the arrays are not copied and must not be modified.
 */
public record IndexedArticle(String id, long timestamp, Long publishedAt, int[] mins, int shingles,
                             TermVector vector) {

    BandMember asBandMember() {
        return new BandMember(id, timestamp, mins, shingles);
    }
}
