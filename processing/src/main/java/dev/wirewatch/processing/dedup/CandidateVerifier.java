package dev.wirewatch.processing.dedup;

/**
 * Decides whether a retained article is a near-copy original for a new one: it must precede the new article and
 * pass the Jaccard or containment test of the settings. Used by every candidate-index partition, and so by
 * {@code wirewatch dedup}, which runs the index with one partition.
 *
 * <p>Immutable and thread safe.
 */
public final class CandidateVerifier {

    private final NearDuplicateSettings settings;

    public CandidateVerifier(NearDuplicateSettings settings) {
        this.settings = settings;
    }

    /**
     * The verdict on article {@code id} at {@code timestamp}, with {@code signature}, against {@code other}, given
     * their estimated {@code jaccard} similarity (the caller has it already): a copy of it, or null when it is not
     * an earlier near-copy.
     */
    public NearCopy verify(String id, long timestamp, Signature signature, BandMember other, double jaccard) {
        if (other.id().equals(id) || !other.precedes(timestamp, id)) {
            return null;
        }
        if (jaccard >= settings.jaccardThreshold()) {
            return new NearCopy(other.id(), jaccard, "jaccard");
        }
        if (jaccard >= settings.containmentMinJaccard()
                && signature.containment(other.signature(), jaccard) >= settings.containmentThreshold()) {
            return new NearCopy(other.id(), jaccard, "containment");
        }
        return null;
    }

    /** The better of two verdicts: higher similarity, then the earlier-named original for determinism. */
    public static NearCopy better(NearCopy a, NearCopy b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.similarity() != b.similarity()) {
            return a.similarity() > b.similarity() ? a : b;
        }
        return a.originalId().compareTo(b.originalId()) <= 0 ? a : b;
    }
}
