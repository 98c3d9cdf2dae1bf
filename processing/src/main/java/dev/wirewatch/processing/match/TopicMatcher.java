package dev.wirewatch.processing.match;

import dev.wirewatch.query.TopicQueryParser;
import dev.wirewatch.query.Snippets;
import dev.wirewatch.query.QuerySyntaxException;
import dev.wirewatch.query.NewsAnalyzer;
import dev.wirewatch.config.ConfigCheck;
import dev.wirewatch.config.ConfigProblem;
import dev.wirewatch.config.TrackedTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a text against every tracked topic's standing query with Lucene Monitor (register queries once, match
 * each document against all of them, get the matches with their positions).
 *
 * <p>Matching is thread safe; {@link #update} must not run concurrently with itself. Topics whose query does not parse are left out and reported by {@link #problems(List)}; a query
 * that fails while matching is logged and skipped for that document; neither blocks the other topics.
 */
public final class TopicMatcher implements AutoCloseable {

    /** Words of context on each side of the match in a snippet. */
    static final int SNIPPET_WORDS = 25;

    private static final Logger LOG = LoggerFactory.getLogger(TopicMatcher.class);

    /** The configuration check that every topic query parses, for config loading and {@code check-config}. */
    public static final ConfigCheck QUERY_CHECK = config -> problems(config.topics());

    private final Map<String, TrackedTopic> topics = new LinkedHashMap<>();
    private final Monitor monitor;

    public TopicMatcher(List<TrackedTopic> tracked) {
        try {
            monitor = new Monitor(NewsAnalyzer.forDocuments());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory query index", e);
        }
        update(tracked);
    }

    /**
     * Makes {@code tracked} the registered topics: registers new and edited ones, removes the others.
     *
     * @return the ids of topics that are new or whose query changed (and registered)
     */
    public Set<String> update(List<TrackedTopic> tracked) {
        Map<String, TrackedTopic> wanted = new LinkedHashMap<>();
        tracked.forEach(t -> wanted.put(t.id(), t));
        Set<String> changed = new LinkedHashSet<>();
        List<MonitorQuery> queries = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (TrackedTopic topic : wanted.values()) {
            TrackedTopic current = topics.get(topic.id());
            if (current != null && current.equals(topic)) {
                continue;
            }
            try {
                queries.add(new MonitorQuery(topic.id(), TopicQueryParser.parse(topic.query()), topic.query(),
                        Map.of()));
                if (current == null || !current.query().equals(topic.query())) {
                    changed.add(topic.id());
                }
            } catch (QuerySyntaxException e) {
                LOG.error("topic {}: query not registered: {}", topic.id(), e.getMessage());
                invalid.add(topic.id());
            }
        }
        invalid.forEach(wanted::remove);
        try {
            List<String> removed = topics.keySet().stream().filter(id -> !wanted.containsKey(id)).toList();
            if (!removed.isEmpty()) {
                monitor.deleteById(removed);
            }
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the in-memory query index", e);
        }
        topics.clear();
        topics.putAll(wanted);
        return changed;
    }

    /** The topics found in {@code text}, in configuration order, with matched terms and a snippet. */
    public List<TopicMatch> match(String text) {
        Document doc = new Document();
        doc.add(new TextField(NewsAnalyzer.FIELD, text, Field.Store.NO));
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching against the in-memory query index failed", e);
        }
        matches.getErrors().forEach((id, error) -> LOG.warn("topic {}: query failed on a document: {}", id,
                error.toString()));
        List<TopicMatch> found = new ArrayList<>();
        for (TrackedTopic topic : topics.values()) {
            HighlightsMatch match = matches.matches(topic.id());
            if (match != null) {
                List<HighlightsMatch.Hit> hits = new ArrayList<>(match.getHits(NewsAnalyzer.FIELD));
                hits.sort(null);
                found.add(new TopicMatch(topic, terms(text, hits), Snippets.around(text, hits, SNIPPET_WORDS)));
            }
        }
        return found;
    }

    private static List<String> terms(String text, Collection<HighlightsMatch.Hit> hits) {
        Set<String> terms = new LinkedHashSet<>();
        for (HighlightsMatch.Hit hit : hits) {
            if (hit.startOffset >= 0 && hit.endOffset <= text.length() && hit.startOffset < hit.endOffset) {
                terms.add(text.substring(hit.startOffset, hit.endOffset));
            }
        }
        return List.copyOf(terms);
    }

    /** The query problems of {@code topics}, as configuration problems on {@code topics[i].query}. */
    public static List<ConfigProblem> problems(List<TrackedTopic> topics) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            TrackedTopic topic = topics.get(i);
            if (topic == null || topic.query() == null || topic.query().isBlank()) {
                continue; // reported by the structural checks
            }
            try {
                TopicQueryParser.parse(topic.query());
            } catch (QuerySyntaxException e) {
                problems.add(ConfigProblem.at("topics[" + i + "].query", "topic '" + topic.id()
                        + "': bad query: " + e.getMessage()));
            }
        }
        return problems;
    }

    /** The ids of the topics this matcher uses. */
    public List<String> topicIds() {
        return List.copyOf(topics.keySet());
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.warn("closing the query index failed: {}", e.toString());
        }
    }
}
