package dev.wirewatch.processing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.processing.Fixtures;
import dev.wirewatch.query.NewsAnalyzer;
import dev.wirewatch.processing.match.TopicMatcher;
import dev.wirewatch.query.TopicQueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Documents per second with 10,000 standing queries: Lucene Monitor (what processing runs) against the baseline of
 * running every query on every document, in the same run, on the same documents. Prints figures; asserts only
 * that both find the same matches.
 */
@Tag("benchmark")
class MatchBenchmark {

    private static final int QUERIES = 10_000;

    @Test
    void monitorVersusEveryQueryOnEveryDocument() throws Exception {
        Random random = new Random(42);
        List<String> documents = documents(random, 400);
        List<String> vocabulary = vocabulary(documents);
        List<TrackedTopic> topics = new ArrayList<>();
        List<Query> parsed = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            String query = query(random, vocabulary);
            topics.add(new TrackedTopic("q" + i, null, query, null));
            parsed.add(TopicQueryParser.parse(query));
        }
        try (TopicMatcher monitor = new TopicMatcher(topics)) {
            int warm = 50;
            for (int i = 0; i < warm; i++) {
                monitor.match(documents.get(i));
                bruteForce(parsed, documents.get(i));
            }
            int bruteDocs = 120;
            long start = System.nanoTime();
            List<Set<String>> bruteMatches = new ArrayList<>();
            for (int i = 0; i < bruteDocs; i++) {
                bruteMatches.add(bruteForce(parsed, documents.get(warm + i)));
            }
            double bruteSeconds = (System.nanoTime() - start) / 1e9;

            int monitorDocs = documents.size() - warm;
            start = System.nanoTime();
            List<Set<String>> monitorMatches = new ArrayList<>();
            for (int i = 0; i < monitorDocs; i++) {
                Set<String> ids = new TreeSet<>();
                monitor.match(documents.get(warm + i)).forEach(m -> ids.add(m.topic().id()));
                monitorMatches.add(ids);
            }
            double monitorSeconds = (System.nanoTime() - start) / 1e9;

            assertEquals(bruteMatches, monitorMatches.subList(0, bruteDocs), "both find the same matches");
            double bruteRate = bruteDocs / bruteSeconds;
            double monitorRate = monitorDocs / monitorSeconds;
            long matched = monitorMatches.stream().mapToLong(Set::size).sum();
            System.out.printf("match benchmark: %d queries, %d documents, %.1f matches/document%n", QUERIES,
                    monitorDocs, (double) matched / monitorDocs);
            System.out.printf("  every query on every document: %8.1f documents/s%n", bruteRate);
            System.out.printf("  Lucene Monitor:                %8.1f documents/s%n", monitorRate);
            System.out.printf("  ratio:                         %8.1fx%n", monitorRate / bruteRate);
        }
    }

    private static Set<String> bruteForce(List<Query> queries, String text) {
        MemoryIndex index = new MemoryIndex();
        index.addField(NewsAnalyzer.FIELD, text, NewsAnalyzer.forDocuments());
        Set<String> ids = new TreeSet<>();
        for (int q = 0; q < queries.size(); q++) {
            if (index.search(queries.get(q)) > 0) {
                ids.add("q" + q);
            }
        }
        return ids;
    }

    /** Articles assembled from the fixture paragraphs, shuffled, so documents differ but read like news. */
    private static List<String> documents(Random random, int count) {
        List<String> paragraphs = new ArrayList<>();
        for (String name : List.of("jets-original", "jets-rewrite", "jets-crash", "unrelated")) {
            paragraphs.addAll(Fixtures.paragraphs(Fixtures.story(name)));
        }
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder doc = new StringBuilder();
            for (int p = 0; p < 5; p++) {
                doc.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
            }
            documents.add(doc.toString());
        }
        return documents;
    }

    private static List<String> vocabulary(List<String> documents) {
        Set<String> words = new TreeSet<>();
        for (String doc : documents.subList(0, 20)) {
            for (String w : doc.split("[^\\p{L}\\p{N}]+")) {
                if (w.length() > 3) {
                    words.add(w.toLowerCase());
                }
            }
        }
        List<String> vocabulary = new ArrayList<>(words);
        // Most standing queries are about things absent from any given article: add words that never occur.
        for (int i = 0; i < 60 * words.size(); i++) {
            vocabulary.add("term" + i);
        }
        return vocabulary;
    }

    /** A query of the shapes topics use: words, phrases, OR-groups, AND and NEAR. */
    private static String query(Random random, List<String> vocabulary) {
        String a = vocabulary.get(random.nextInt(vocabulary.size()));
        String b = vocabulary.get(random.nextInt(vocabulary.size()));
        String c = vocabulary.get(random.nextInt(vocabulary.size()));
        return switch (random.nextInt(4)) {
            case 0 -> a + " OR " + b;
            case 1 -> "\"" + a + " " + b + "\" OR " + c;
            case 2 -> a + " AND (" + b + " OR " + c + ")";
            default -> "(" + a + " OR " + b + ") NEAR/6 " + c;
        };
    }
}
