package dev.wirewatch.processing.story;

import dev.wirewatch.model.ContentHash;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Keeps passages an earlier article had word for word out of the story vector: site chrome that is not a paragraph
 * of its own (a share bar run into the first sentence, a press office's header, a consent notice), found by
 * {@value #WORDS}-word shingles of the body's first and last {@value #EDGE_WORDS} words.
 *
 * <p>Why: {@link RepeatedParagraphs} only sees chrome that extraction left as paragraphs of its own; on scraped
 * text (the dev pairs: one paragraph per article in five of six) two reports of one police press office, or two
 * pages behind one consent notice, share a run of rare words that TF-IDF weighs as heavily as a retelling's names,
 * and scored as one story. A passage repeated verbatim is evidence of shared chrome or shared copy, not of a
 * retelling (a copy takes its original's story anyway). On the dev pairs it lifted the story level from 0.769 to
 * about 0.79 (BENCHMARKS.md).
 *
 * <p>Only one shingle in {@value #SAMPLE} is fingerprinted (chosen by its hash, so two texts pick the same ones), and
 * the words between two repeated fingerprints close together count as repeated too: a run of chrome long enough to
 * matter is found all the same, for about {@value #EDGE_WORDS} - {@value #WORDS} + 1 fingerprints an article on
 * average (twice that at most), each one entry among the document frequencies for the retention.
 *
 * <p>Stateless and thread safe.
 */
public final class RepeatedPassages {

    /** Words per shingle: long enough that two independent write-ups rarely share one. */
    static final int WORDS = 6;
    /** Words tracked at each end of the body: chrome surrounds the text. */
    static final int EDGE_WORDS = 40;
    /** One shingle in this many is fingerprinted. */
    static final int SAMPLE = 2;

    /** Mixed into a shingle's hash to give its key among the document frequencies, apart from other keys. */
    private static final long MARKER = 0x2545f4914f6cdd1dL;

    /**
     * The edges of one body: for each edge word the index of its term among the article's {@link TermCounts} (-1
     * for a word that is no term), the head's length (the tail's words follow it), and the fingerprinted shingles
     * by key and index of their first word.
     *
     * <p>Immutable; the arrays are not copied and must not be modified.
     */
    public record Edges(int[] words, int head, long[] keys, int[] starts) {

        public static final Edges NONE = new Edges(new int[0], 0, new long[0], new int[0]);

        public Edges {
            if (keys.length != starts.length || head < 0 || head > words.length) {
                throw new IllegalArgumentException(keys.length + " keys, " + starts.length + " starts, head " + head
                        + " of " + words.length + " words");
            }
            for (int i = 0; i < starts.length; i++) {
                int start = starts[i];
                if (start < 0 || start + WORDS > words.length || (start < head && start + WORDS > head)) {
                    throw new IllegalArgumentException("a shingle at word " + start + " leaves its edge");
                }
                if (i > 0 && start <= starts[i - 1]) {
                    throw new IllegalArgumentException("shingle starts out of order at " + start);
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Edges e && head == e.head && Arrays.equals(words, e.words)
                    && Arrays.equals(keys, e.keys) && Arrays.equals(starts, e.starts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words) * 31 + Arrays.hashCode(keys);
        }

        @Override
        public String toString() {
            return "Edges[" + words.length + " words, " + keys.length + " fingerprints]";
        }
    }

    private RepeatedPassages() {
    }

    /**
     * The edges of {@code body}: its first and last {@value #EDGE_WORDS} words (all of a short body, once), their
     * terms looked up in {@code terms} (the counts of a text that contains the body).
     */
    public static Edges edges(String body, TermCounts terms) {
        String normalized = ContentHash.normalize(body);
        String[] tokens = normalized.isEmpty() ? new String[0] : normalized.split(" ");
        int head = tokens.length <= 2 * EDGE_WORDS ? tokens.length : EDGE_WORDS;
        int tailFrom = Math.max(head, tokens.length - EDGE_WORDS);
        int[] words = new int[head + tokens.length - tailFrom];
        long[] hashes = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            String token = tokens[i < head ? i : tailFrom + i - head];
            words[i] = TermVectors.isTerm(token)
                    ? Math.max(-1, Arrays.binarySearch(terms.keys(), TermVector.key(TermVectors.stem(token)))) : -1;
            hashes[i] = TermVector.key(token);
        }
        long[] keys = new long[words.length];
        int[] starts = new int[words.length];
        int n = sample(hashes, 0, head, keys, starts, 0);
        n = sample(hashes, head, words.length, keys, starts, n);
        return new Edges(words, head, Arrays.copyOf(keys, n), Arrays.copyOf(starts, n));
    }

    private static int sample(long[] hashes, int from, int to, long[] keys, int[] starts, int n) {
        for (int i = from; i + WORDS <= to; i++) {
            long h = 0;
            for (int w = i; w < i + WORDS; w++) {
                h = TermVector.mix(h * 31 + hashes[w]);
            }
            if (Long.remainderUnsigned(h, SAMPLE) == 0) {
                keys[n] = TermVector.mix(h ^ MARKER);
                starts[n++] = i;
            }
        }
        return n;
    }

    /** The fingerprints to count among the document frequencies, once each. */
    public static long[] counted(Edges edges) {
        Set<Long> distinct = new LinkedHashSet<>();
        for (long key : edges.keys()) {
            distinct.add(key);
        }
        return distinct.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Adds to {@code removed} (by index of the article's terms) one for each word of every fingerprinted shingle
     * that {@code seen} says an earlier article had, and for the words between two such shingles at most
     * {@value #SAMPLE} words apart. Returns whether there was one.
     */
    static boolean repeatedWords(Edges edges, int[] removed, LongPredicate seen) {
        boolean[] repeated = new boolean[edges.words().length];
        int last = -1;
        boolean any = false;
        for (int s = 0; s < edges.keys().length; s++) {
            if (!seen.test(edges.keys()[s])) {
                continue;
            }
            int start = edges.starts()[s];
            boolean sameEdge = last >= 0 && (last < edges.head()) == (start < edges.head());
            int from = sameEdge && start - last <= WORDS + SAMPLE ? last : start;
            Arrays.fill(repeated, from, start + WORDS, true);
            last = start;
            any = true;
        }
        for (int i = 0; i < repeated.length; i++) {
            int at = edges.words()[i];
            if (repeated[i] && at >= 0 && at < removed.length) {
                removed[at]++;
            }
        }
        return any;
    }
}
