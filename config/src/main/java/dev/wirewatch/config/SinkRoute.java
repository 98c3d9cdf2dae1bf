package dev.wirewatch.config;

import java.util.Collection;
import java.util.List;

/**
 * Which topics a sink takes: those listed in {@code topics}, and those whose id and labels satisfy every one of
 * {@code matchers}; every topic when both are empty. Labels are read from each mention (a topic's labels when it was
 * found), so a topic added at runtime with a label reaches the sinks that match it without a restart.
 *
 * <p>Immutable and thread safe.
 */
public record SinkRoute(List<String> topics, List<RouteMatcher> matchers) {

    /** Every topic. */
    public static final SinkRoute ALL = new SinkRoute(List.of(), List.of());

    public SinkRoute {
        topics = List.copyOf(topics);
        matchers = List.copyOf(matchers);
    }

    /** The route a validated sink setting describes. */
    public static SinkRoute of(SinkSettings sink) {
        return new SinkRoute(sink.topics(), sink.matchers().stream().map(RouteMatcher::parse).toList());
    }

    /** The route of just these topic ids (empty: all). */
    public static SinkRoute ofTopics(List<String> topicIds) {
        return new SinkRoute(topicIds, List.of());
    }

    public boolean accepts(String topicId, Collection<String> labels) {
        if (topics.isEmpty() && matchers.isEmpty() || topics.contains(topicId)) {
            return true;
        }
        return !matchers.isEmpty() && matchers.stream().allMatch(m -> m.matches(topicId, labels));
    }
}
