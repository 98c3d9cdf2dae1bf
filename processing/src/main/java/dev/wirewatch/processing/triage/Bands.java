package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.TermVector;

/**
 * The 64-bit keys triage files articles under for near-copy candidates, and an article's handle.
 *
 * <p>Stateless and thread safe. Keys are stable across processes and releases (state stores hold them).
 */
public final class Bands {

    private Bands() {
    }

    /** One key per LSH band: the band's index and its rows, hashed; equal keys make two articles candidates. */
    public static long[] keys(Signature signature, NearDuplicateSettings settings) {
        if (signature.shingles() == 0) {
            return new long[0];
        }
        int rows = settings.bandRows();
        long[] keys = new long[settings.bands()];
        for (int b = 0; b < keys.length; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = TermVector.mix(h * 31 + signature.mins()[b * rows + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    /**
     * The 64-bit handle postings file an article under (a hash of its id, the same hash as a term's key; two ids of
     * one retention window share one with probability about n²/2⁶⁵, a billion to one for a million articles).
     */
    public static long handle(String articleId) {
        return TermVector.key(articleId);
    }
}
