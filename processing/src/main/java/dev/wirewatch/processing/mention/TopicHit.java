package dev.wirewatch.processing.mention;

import java.util.List;

/**
 * A tracked topic an article matched, found upstream before the article's story is known: the topic, the snippet
 * around the match, the terms that matched, and the topic's labels (for routing its alert) and urgency.
 *
 * <p>Immutable; {@code snippet} may be null, {@code matchedTerms} and {@code labels} never are.
 */
public record TopicHit(String topicId, String topicName, String snippet, List<String> matchedTerms,
                       List<String> labels, boolean urgent) {

    public TopicHit {
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
