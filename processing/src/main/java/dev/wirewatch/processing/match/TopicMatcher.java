package dev.wirewatch.processing.match;

import dev.wirewatch.config.ConfigProblem;
import dev.wirewatch.config.TrackedTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Matches text against every tracked topic's query.
 *
 * <p>Immutable and thread safe. Topics whose query does not parse are left out and reported by
 * {@link #problems(List)}; one broken query never blocks the others.
 */
public final class TopicMatcher {

    /** Words of context on each side of the match in a snippet. */
    static final int SNIPPET_WORDS = 25;

    private final Map<TrackedTopic, PhraseQuery> queries;

    public TopicMatcher(List<TrackedTopic> topics) {
        Map<TrackedTopic, PhraseQuery> parsed = new java.util.LinkedHashMap<>();
        for (TrackedTopic topic : topics) {
            try {
                parsed.put(topic, PhraseQuery.parse(topic.query()));
            } catch (QuerySyntaxException e) {
                // Reported at start-up through problems(); the other topics still match.
            }
        }
        this.queries = parsed;
    }

    /** The topics found in {@code text}, in configuration order. */
    public List<TopicMatch> match(String text) {
        List<Tokens.Token> tokens = Tokens.of(text);
        List<TopicMatch> matches = new ArrayList<>();
        queries.forEach((topic, query) -> {
            PhraseQuery.Hit hit = query.firstHit(tokens);
            if (hit != null) {
                String term = text.substring(tokens.get(hit.firstToken()).start(),
                        tokens.get(hit.endToken() - 1).end());
                matches.add(new TopicMatch(topic, List.of(term), snippet(text, tokens, hit)));
            }
        });
        return matches;
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
                PhraseQuery.parse(topic.query());
            } catch (QuerySyntaxException e) {
                problems.add(ConfigProblem.at("topics[" + i + "].query", "topic '" + topic.id()
                        + "': bad query: " + e.getMessage()));
            }
        }
        return problems;
    }

    /** About {@value #SNIPPET_WORDS} words either side of the hit, the hit marked with {@code **}. */
    static String snippet(String text, List<Tokens.Token> tokens, PhraseQuery.Hit hit) {
        int first = Math.max(0, hit.firstToken() - SNIPPET_WORDS);
        int last = Math.min(tokens.size() - 1, hit.endToken() - 1 + SNIPPET_WORDS);
        int from = tokens.get(first).start();
        int to = tokens.get(last).end();
        int markFrom = tokens.get(hit.firstToken()).start();
        int markTo = tokens.get(hit.endToken() - 1).end();
        String body = text.substring(from, markFrom) + "**" + text.substring(markFrom, markTo) + "**"
                + text.substring(markTo, to);
        return (first > 0 ? "… " : "") + body.replaceAll("\\s+", " ").trim() + (last < tokens.size() - 1 ? " …" : "");
    }

    /** The ids of the topics this matcher uses. */
    public List<String> topicIds() {
        return queries.keySet().stream().map(TrackedTopic::id).collect(Collectors.toList());
    }
}
