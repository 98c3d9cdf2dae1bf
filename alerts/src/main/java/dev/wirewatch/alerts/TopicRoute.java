package dev.wirewatch.alerts;

import java.util.List;
import java.util.Set;

/**
 * Which topics a sink receives: the listed ids, or all when none are listed.
 *
 * <p>Immutable.
 */
public record TopicRoute(Set<String> topicIds) {

    public static TopicRoute of(List<String> ids) {
        return new TopicRoute(Set.copyOf(ids));
    }

    public boolean accepts(String topicId) {
        return topicIds.isEmpty() || topicIds.contains(topicId);
    }
}
