package dev.wirewatch.processing.dedup;

import dev.wirewatch.model.ContentHash;
import java.util.Arrays;

/**
 * The distinct word n-grams (shingles) of a text, as 64-bit hashes. Words are the letter/digit runs of
 * {@link ContentHash#normalize}, so case, punctuation and layout do not matter.
 *
 * <p>Stateless and thread safe.
 */
public final class Shingles {

    private Shingles() {
    }

    /** Sorted distinct hashes of the {@code words}-word shingles; a text shorter than that is one shingle. */
    public static long[] of(String text, int words) {
        String[] tokens = ContentHash.normalize(text).split(" ");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            return new long[0];
        }
        int count = Math.max(1, tokens.length - words + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0xcbf29ce484222325L; // FNV-1a over the shingle's words, a separator between them
            for (int w = i; w < Math.min(tokens.length, i + words); w++) {
                String token = tokens[w];
                for (int c = 0; c < token.length(); c++) {
                    h = (h ^ token.charAt(c)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            hashes[i] = Mix.mix64(h);
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    /** A 64-bit finalizer (SplitMix64) that spreads FNV's weak low bits. */
    static final class Mix {
        private Mix() {
        }

        static long mix64(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
