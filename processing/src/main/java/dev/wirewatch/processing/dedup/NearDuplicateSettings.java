package dev.wirewatch.processing.dedup;

/**
 * The parameters of near-duplicate detection, with defaults chosen by measurement (see BENCHMARKS.md).
 *
 * <p>Immutable. Why these defaults: word trigrams keep apart texts that merely share phrasing while a
 * republication keeps most of them; 252 MinHash values estimate Jaccard to about ±0.03 at 0.4; 84 bands of 3 rows
 * make a pair with Jaccard 0.4 a candidate with probability 0.996 and one with 0.05 only 1 % of the time. A pair is
 * a copy at estimated Jaccard ≥ 0.45 (every copy of the near-copy dev stream scores ≥ 0.50 and its non-copies, site
 * chrome and follow-ups included, stay below 0.33; an independently edited wire story on the same-story dev pairs
 * scores 0.40 and is a rewrite, not a copy
 * below 0.33), or when the smaller text is ≥ 85 % contained in the larger and Jaccard is ≥ 0.25 (a truncated copy).
 */
public record NearDuplicateSettings(int shingleWords, int hashes, int bandRows, double jaccardThreshold,
                                    double containmentThreshold, double containmentMinJaccard) {

    public static final NearDuplicateSettings DEFAULTS = new NearDuplicateSettings(3, 252, 3, 0.45, 0.85, 0.25);

    public NearDuplicateSettings {
        if (shingleWords < 1 || hashes < 1 || bandRows < 1 || hashes % bandRows != 0) {
            throw new IllegalArgumentException("need shingleWords, hashes, bandRows ≥ 1 and hashes a multiple of "
                    + "bandRows");
        }
    }

    public int bands() {
        return hashes / bandRows;
    }
}
