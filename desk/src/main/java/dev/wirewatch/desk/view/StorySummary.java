package dev.wirewatch.desk.view;

import java.time.Instant;
import java.util.List;

/**
 * One story as the desk lists it: its first article, when it was first and last seen, the topics it mentions, how
 * many articles it has and how many of them are copies, and the sites that ran it.
 *
 * <p>Immutable. {@code articles} counts every member (first, rewrites and copies); {@code copies} those dropped
 * as copies. {@code title}, {@code url}, {@code source} are the first article's and may be null while its decision
 * has not been read yet. {@code sinks} are the sinks an alert of this story went to.
 */
public record StorySummary(String id, String title, String url, String source, Instant firstSeenAt,
                           Instant lastSeenAt, List<String> topics, int articles, int copies, List<String> sources,
                           List<String> sinks) {

    public StorySummary {
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
    }

    /** Sites other than the first that ran the story. */
    public int alsoOn() {
        return Math.max(0, sources.size() - 1);
    }
}
