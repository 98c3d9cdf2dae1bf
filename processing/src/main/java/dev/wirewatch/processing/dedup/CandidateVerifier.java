package dev.wirewatch.processing.dedup;

/**
 * Decides whether an earlier article is a near-copy original for a new one: the pair must pass the Jaccard or the
 * containment test of the settings. Triage asks it about its candidates (the bands', and where those have no
 * original, the story keys'), in triage order, so whatever it is asked about came earlier.
 *
 * <p>Immutable and thread safe.
 */
public final class CandidateVerifier {

    private final NearDuplicateSettings settings;

    public CandidateVerifier(NearDuplicateSettings settings) {
        this.settings = settings;
    }

    /**
     * The verdict on an article with {@code signature} against the earlier {@code otherId} with {@code other},
     * given their estimated {@code jaccard} similarity (the caller has it already): a copy of it, or null.
     */
    public NearCopy verify(Signature signature, String otherId, Signature other, double jaccard) {
        if (jaccard >= settings.jaccardThreshold()) {
            return new NearCopy(otherId, jaccard, "jaccard");
        }
        if (jaccard >= settings.containmentMinJaccard()
                && signature.containment(other, jaccard) >= settings.containmentThreshold()) {
            return new NearCopy(otherId, jaccard, "containment");
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
