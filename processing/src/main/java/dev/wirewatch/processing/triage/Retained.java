package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.Signature;
import java.util.Arrays;
import java.util.Objects;

/**
 * An article as triage retains it: enough to verify a near-copy (the signature), to score a story match (the story
 * method's encoded profile; empty for a copy, which is not a story candidate) and to answer for it later (its
 * decision).
 *
 * <p>Immutable; the arrays are not copied and must not be modified.
 */
public record Retained(String id, long timestamp, Long publishedAt, int[] mins, int shingles, byte[] profile,
                       Decision decision) {

    Signature signature() {
        return new Signature(mins, shingles);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Retained r && id.equals(r.id) && timestamp == r.timestamp
                && Objects.equals(publishedAt, r.publishedAt) && shingles == r.shingles
                && Arrays.equals(mins, r.mins) && Arrays.equals(profile, r.profile) && decision.equals(r.decision);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Retained[" + id + ", " + decision + "]";
    }
}
