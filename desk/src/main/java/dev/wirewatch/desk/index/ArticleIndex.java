package dev.wirewatch.desk.index;

import dev.wirewatch.model.Article;
import dev.wirewatch.query.NewsAnalyzer;
import dev.wirewatch.query.QuerySyntaxException;
import dev.wirewatch.query.Snippets;
import dev.wirewatch.query.TopicQueryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;

/**
 * The retained articles in an on-disk Lucene index, searched with the topic query language and the analyzer that
 * matching uses, so a preview finds what the topic would match.
 *
 * <p>Thread safe: one writer thread adds articles and {@link #refresh() refreshes}; any thread searches. The index is
 * rebuilt from the {@code articles} topic on every start (its directory is emptied), so it never disagrees with what
 * Kafka retains, and {@link #expireFetchedBefore} drops what the desk's retention no longer shows.
 */
public final class ArticleIndex implements AutoCloseable {

    /** Words either side of the first match in a snippet, as in alerts. */
    static final int SNIPPET_WORDS = 25;

    private static final String ID = "id";
    private static final String PUBLISHED = "published";
    private static final String FETCHED = "fetched";
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private ArticleIndex(FSDirectory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens an empty index in {@code dir}, deleting what an earlier run left there. */
    public static ArticleIndex rebuiltIn(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            FSDirectory directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzer.forDocuments())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            return new ArticleIndex(directory, new IndexWriter(directory, config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the desk's article index in " + dir, e);
        }
    }

    /** Adds or replaces an article (by id). */
    public void put(Article article) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new StoredField("url", article.url()));
        doc.add(new StoredField("source", article.source()));
        if (article.title() != null) {
            doc.add(new StoredField("title", article.title()));
        }
        long published = article.effectiveTime().toEpochMilli();
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        doc.add(new LongPoint(FETCHED, article.fetchedAt().toEpochMilli()));
        doc.add(new Field(NewsAnalyzer.FIELD, searchable(article), TEXT_WITH_OFFSETS));
        try {
            writer.updateDocument(new Term(ID, article.id()), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index article " + article.id(), e);
        }
    }

    /** Removes an article (a tombstone on the topic). */
    public void remove(String articleId) {
        try {
            writer.deleteDocuments(new Term(ID, articleId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove article " + articleId, e);
        }
    }

    /** Removes the articles fetched before {@code cutoff} (record time, as the view expires its stories). */
    public void expireFetchedBefore(Instant cutoff) {
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(FETCHED, Long.MIN_VALUE, cutoff.toEpochMilli() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot expire old articles from the desk's index", e);
        }
    }

    /** Makes what was put so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the desk's article index", e);
        }
    }

    /**
     * The newest {@code limit} articles matching {@code query} (topic query language) and how many match in all.
     *
     * @throws QuerySyntaxException when the query does not parse, with the position of the problem
     */
    public SearchResult search(String query, int limit) throws QuerySyntaxException {
        Query parsed = TopicQueryParser.parse(query);
        IndexSearcher searcher = acquire();
        try {
            int count = searcher.count(parsed);
            TopDocs top = searcher.search(parsed, Math.max(1, limit),
                    new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true)));
            Weight weight = searcher.createWeight(searcher.rewrite(parsed), ScoreMode.COMPLETE_NO_SCORES, 1);
            List<ArticleHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(hit(searcher, weight, sd.doc));
            }
            return new SearchResult(count, hits);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the desk's article index failed", e);
        } finally {
            release(searcher);
        }
    }

    /** The searchable text (title and body) of a retained article, as matching reads it. */
    public java.util.Optional<String> searchableText(String articleId) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(new org.apache.lucene.search.TermQuery(new Term(ID, articleId)), 1);
            if (top.scoreDocs.length == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(searcher.storedFields().document(top.scoreDocs[0].doc)
                    .get(NewsAnalyzer.FIELD));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the desk's article index failed", e);
        } finally {
            release(searcher);
        }
    }

    /** How many articles the index holds. */
    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    private static ArticleHit hit(IndexSearcher searcher, Weight weight, int doc) throws IOException {
        Document stored = searcher.storedFields().document(doc);
        String text = stored.get(NewsAnalyzer.FIELD);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        List<HighlightsMatch.Hit> found = new ArrayList<>();
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        MatchesIterator it = matches == null ? null : matches.getMatches(NewsAnalyzer.FIELD);
        while (it != null && it.next()) {
            collect(it, found);
        }
        found.sort(null);
        Instant published = Instant.ofEpochMilli(stored.getField(PUBLISHED).numericValue().longValue());
        return new ArticleHit(stored.get(ID), stored.get("title"), stored.get("url"), stored.get("source"),
                published, text == null ? null : Snippets.around(text, found, SNIPPET_WORDS));
    }

    /** The innermost matches (single terms of a phrase or proximity query), as Lucene Monitor highlights them. */
    private static void collect(MatchesIterator it, List<HighlightsMatch.Hit> out) throws IOException {
        MatchesIterator sub = it.getSubMatches();
        if (sub == null) {
            if (it.startOffset() >= 0) {
                out.add(new HighlightsMatch.Hit(it.startPosition(), it.startOffset(), it.endPosition(),
                        it.endOffset()));
            }
            return;
        }
        while (sub.next()) {
            collect(sub, out);
        }
    }

    private static String searchable(Article article) {
        // The same text matching sees (MentionDetector): title, blank line, body.
        return article.title() == null ? article.text() : article.title() + "\n\n" + article.text();
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the desk's article index", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a searcher of the desk's article index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the desk's article index", e);
        }
    }
}
