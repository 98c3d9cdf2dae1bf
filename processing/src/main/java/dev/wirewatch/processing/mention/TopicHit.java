package dev.wirewatch.processing.mention;

import java.util.List;

/**
 * A tracked topic an article matched, found upstream before the article's story is known: the topic, the snippet
 * around the match and the terms that matched.
 *
 * <p>Immutable; {@code snippet} may be null, {@code matchedTerms} never is.
 */
public record TopicHit(String topicId, String topicName, String snippet, List<String> matchedTerms) {

    public TopicHit {
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }
}
