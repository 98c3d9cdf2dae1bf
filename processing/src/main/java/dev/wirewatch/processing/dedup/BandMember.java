package dev.wirewatch.processing.dedup;

/**
 * An article as the band index keeps it: its id, its arrival order ({@code timestamp}, then id) and its signature.
 *
 * <p>Immutable. {@code mins} is not copied and must not be modified.
 */
public record BandMember(String id, long timestamp, int[] mins, int shingles) {

    public Signature signature() {
        return new Signature(mins, shingles);
    }

    /** True when this member came before {@code other}: earlier timestamp, or the same and a smaller id. */
    public boolean precedes(long otherTimestamp, String otherId) {
        return timestamp < otherTimestamp || (timestamp == otherTimestamp && id.compareTo(otherId) < 0);
    }
}
