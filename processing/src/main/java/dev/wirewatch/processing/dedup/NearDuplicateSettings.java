package dev.wirewatch.processing.dedup;

/**
 * The parameters of near-duplicate detection, with defaults chosen by measurement (see BENCHMARKS.md).
 *
 * <p>Immutable. Why these defaults: word trigrams keep apart texts that merely share phrasing while a
 * republication keeps most of them; 252 MinHash values estimate Jaccard to about ±0.03 at 0.4; 42 bands of 3 rows
 * (the first 126 values) make a pair with Jaccard 0.5 a candidate with probability 0.996, one with 0.45 with 0.98,
 * a truncated copy at 0.25 only with 0.48 (84 bands: 0.73), and one with 0.05 only 0.5 % of the time; where the
 * bands find no original, triage also verifies the story keys' candidates (originals in the story window that
 * share the copy's heaviest words), which found every copy of the near-copy dev stream even with one band. 84
 * bands cost twice the postings. A pair is a copy at estimated Jaccard ≥ 0.45 (every copy of the near-copy dev
 * stream scores ≥ 0.50 and its non-copies, site chrome and follow-ups included, stay below 0.33; an independently
 * edited wire story on the same-story dev pairs scores 0.40 and is a rewrite, not a copy), or when the smaller text
 * is ≥ 85 % contained in the larger and Jaccard is ≥ 0.25 (a truncated copy).
 */
public record NearDuplicateSettings(int shingleWords, int hashes, int bandRows, int bands,
                                    double jaccardThreshold, double containmentThreshold,
                                    double containmentMinJaccard) {

    public static final NearDuplicateSettings DEFAULTS = new NearDuplicateSettings(3, 252, 3, 42, 0.45, 0.85, 0.25);

    public NearDuplicateSettings {
        if (shingleWords < 1 || hashes < 1 || bandRows < 1 || bands < 1 || bands * bandRows > hashes) {
            throw new IllegalArgumentException("need shingleWords, hashes, bandRows, bands ≥ 1 and bands × bandRows "
                    + "≤ hashes");
        }
    }
}
