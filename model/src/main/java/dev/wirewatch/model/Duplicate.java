package dev.wirewatch.model;

import java.time.Instant;

/**
 * An audit record on the {@code duplicates} topic: an article dropped as a copy of one already seen.
 *
 * <p>Immutable. {@code similarity} is in [0, 1], 1 for an exact copy; {@code reason} names the rule that decided
 * (for example {@code exact-content}).
 */
public record Duplicate(
        int schemaVersion,
        String duplicateId,
        String duplicateUrl,
        String originalId,
        double similarity,
        String reason,
        Instant detectedAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public Duplicate {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (duplicateId == null || originalId == null || reason == null || detectedAt == null) {
            throw new IllegalArgumentException("Duplicate needs duplicateId, originalId, reason and detectedAt");
        }
        if (similarity < 0 || similarity > 1) {
            throw new IllegalArgumentException("Duplicate.similarity must be in [0, 1], was " + similarity);
        }
    }
}
