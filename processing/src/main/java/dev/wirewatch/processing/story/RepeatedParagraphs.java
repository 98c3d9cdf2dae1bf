package dev.wirewatch.processing.story;

import dev.wirewatch.model.ContentHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * article. Their counts live with the document frequencies, under keys no word can have, so every index
 * partition sees the same counts.
 *
 * <p>Stateless and thread safe.
 */
public final class RepeatedParagraphs {

    /** Paragraphs tracked at each end of an article. */
    public static final int EDGE_PARAGRAPHS = 3;

    /** Prefix of a paragraph's key among the document frequencies; a word never starts with it. */
    private static final String MARKER = "¶";

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
            to.add(new Paragraph(TermVector.key(normalized), TermVectors.termFrequencies(normalized)));
        }
    }

    /** The keys to count among the document frequencies: the article's words and its edge paragraphs, once each. */
    public static Collection<String> counted(Set<String> words, List<Paragraph> edges) {
        Set<String> keys = new LinkedHashSet<>(words);
        edges.forEach(p -> keys.add(marker(p)));
        return keys;
    }

    /**
     * The word counts {@code terms} less the words of each edge paragraph that {@code counts} (the frequencies of
     * {@link #counted}'s keys with this article counted) says an earlier article had.
     */
    public static Map<String, Integer> storyTerms(Map<String, Integer> terms, List<Paragraph> edges,
                                                 Map<String, Long> counts) {
        Map<String, Integer> story = null;
        for (Paragraph p : edges) {
            if (counts.getOrDefault(marker(p), 0L) > 1) {
                if (story == null) {
                    story = new HashMap<>(terms);
                }
                Map<String, Integer> left = story;
                p.terms().forEach((term, n) -> left.computeIfPresent(term, (t, c) -> c > n ? c - n : null));
            }
        }
        return story == null ? terms : story;
    }

    private static String marker(Paragraph p) {
        return MARKER + Long.toHexString(p.key());
    }
}
