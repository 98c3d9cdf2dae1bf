package dev.wirewatch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * One text indexed as matching indexes documents (a one-document in-memory index with offsets), so that each clause
 * of a query can be run against it and say which words it found.
 *
 * <p>Not thread safe; one per explanation.
 */
final class ExplainContext {

    /** Found words listed per clause, at most. */
    static final int MAX_FOUND = 5;

    private final String text;
    private final MemoryIndex index = new MemoryIndex(true);
    private final IndexSearcher searcher;

    ExplainContext(String text) {
        this.text = text;
        index.addField(NewsAnalyzer.FIELD, text, NewsAnalyzer.forDocuments());
        this.searcher = index.createSearcher();
    }

    boolean matches(Query query) {
        return index.search(query) > 0.0f;
    }

    /** The words {@code query} matches, in text order, at most {@code limit}; empty when it does not match. */
    List<QueryExplanation.Found> found(Query query, int limit) {
        List<QueryExplanation.Found> found = new ArrayList<>();
        eachMatch(query, it -> {
            if (found.size() >= limit) {
                return false;
            }
            String written = it.startOffset() >= 0 ? text.substring(it.startOffset(), it.endOffset()) : "";
            found.add(new QueryExplanation.Found(written, it.startPosition()));
            return true;
        });
        return found;
    }

    /** Every position (start, end) where {@code query} matches, for measuring how near two sides came. */
    List<int[]> spans(Query query) {
        List<int[]> spans = new ArrayList<>();
        eachMatch(query, it -> spans.add(new int[] {it.startPosition(), it.endPosition()}));
        return spans;
    }

    /** What a match iterator's position is handed to; false stops the walk. */
    private interface MatchVisitor {
        boolean visit(MatchesIterator at) throws IOException;
    }

    /** Walks the matches of {@code query} in the one indexed text, in order. */
    private void eachMatch(Query query, MatchVisitor visitor) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
            Matches matches = weight.matches(leaf, 0);
            MatchesIterator it = matches == null ? null : matches.getMatches(NewsAnalyzer.FIELD);
            while (it != null && it.next() && visitor.visit(it)) {
                // the visitor took this match
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }
}
