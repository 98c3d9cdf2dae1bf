package dev.wirewatch.processing.story;

import dev.wirewatch.model.ContentHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;


/**
 * Keeps site chrome out of story vectors: the words of an edge paragraph (one of the first or last
 * {@value #EDGE_PARAGRAPHS}) that an earlier article had verbatim do not count towards the story.
 *
 * <p>Why: unrelated articles from one site share its header and footer ("subscribe", "sign in", the site's name,
 * its newsroom blurb). Extraction removes most of it, but what it leaves — or all of it, for text fed to
 * {@code wirewatch dedup} — is rare in the stream as a whole, so TF-IDF weighs it heavily and two unrelated
 * articles under the same chrome scored as one story, which suppresses the second story's alert. A paragraph
 * repeated word for word is evidence of chrome or of a copy (which takes its original's story anyway), not of a
 * retelling. Only edge paragraphs are tracked because chrome surrounds the body; it keeps the counts to a few per
 * article. Their counts live with the document frequencies, under keys derived so that no word's key meets them.
 *
 * <p>Stateless and thread safe.
 */
public final class RepeatedParagraphs {

    /** Paragraphs tracked at each end of an article. */
    public static final int EDGE_PARAGRAPHS = 3;

    /** Mixed into a paragraph's key to give its key among the document frequencies, apart from words' keys. */
    private static final long MARKER = 0x9e3779b97f4a7c15L;

    private RepeatedParagraphs() {
    }

    /**
     * The first and last {@value #EDGE_PARAGRAPHS} paragraphs of {@code body} (blank-line separated; paragraphs with
     * no word skipped). Only those are normalized: the middle of a long article is not read twice.
     */
    public static List<Paragraph> edges(String body) {
        String[] paragraphs = body.split("\\n\\s*\\n");
        List<Paragraph> head = new ArrayList<>();
        int next = 0;
        while (next < paragraphs.length && head.size() < EDGE_PARAGRAPHS) {
            addIfWords(paragraphs[next++], head);
        }
        List<Paragraph> tail = new ArrayList<>();
        for (int i = paragraphs.length - 1; i >= next && tail.size() < EDGE_PARAGRAPHS; i--) {
            addIfWords(paragraphs[i], tail);
        }
        Collections.reverse(tail);
        head.addAll(tail);
        return head;
    }

    private static void addIfWords(String paragraph, List<Paragraph> to) {
        String normalized = ContentHash.normalize(paragraph);
        if (!normalized.isEmpty()) {
            to.add(new Paragraph(TermVector.key(normalized), TermCounts.of(normalized)));
        }
    }

    /** The paragraphs' keys to count among the document frequencies, once each. */
    public static long[] counted(List<Paragraph> edges) {
        Set<Long> markers = new LinkedHashSet<>();
        edges.forEach(p -> markers.add(marker(p)));
        return markers.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Adds to {@code removed} (by index of {@code terms}) the word counts of each edge paragraph that {@code seen}
     * (asked for {@link #counted}'s keys) says an earlier article had; returns whether there was one.
     */
    static boolean repeatedWords(List<Paragraph> edges, TermCounts terms, int[] removed, LongPredicate seen) {
        boolean any = false;
        for (Paragraph p : edges) {
            if (seen.test(marker(p))) {
                any = true;
                TermCounts repeated = p.terms();
                for (int i = 0; i < repeated.size(); i++) {
                    int at = Arrays.binarySearch(terms.keys(), repeated.keys()[i]);
                    if (at >= 0) {
                        removed[at] += repeated.counts()[i];
                    }
                }
            }
        }
        return any;
    }

    private static long marker(Paragraph p) {
        return TermVector.mix(p.key() ^ MARKER);
    }
}
