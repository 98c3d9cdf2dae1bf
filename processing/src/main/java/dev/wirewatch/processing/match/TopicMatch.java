package dev.wirewatch.processing.match;

import dev.wirewatch.config.TrackedTopic;
import java.util.List;

/**
 * A tracked topic found in an article: the terms as written in the article and a snippet around them.
 *
 * <p>Immutable.
 */
public record TopicMatch(TrackedTopic topic, List<String> matchedTerms, String snippet) {
}
