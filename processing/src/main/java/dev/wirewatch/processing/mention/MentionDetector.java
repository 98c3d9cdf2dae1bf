package dev.wirewatch.processing.mention;

import dev.wirewatch.model.Article;
import dev.wirewatch.processing.match.TopicMatch;
import dev.wirewatch.processing.match.TopicMatcher;
import java.util.List;

/**
 * Matches an article (title and text) against the tracked topics: one {@link TopicHit} per topic it mentions.
 *
 * <p>Stateless and thread safe as far as the matcher is. Whether a hit is the first of its story is decided in
 * triage, once the story is known.
 */
public final class MentionDetector {

    private MentionDetector() {
    }

    public static List<TopicHit> detect(TopicMatcher matcher, Article article) {
        String searchable = article.title() == null ? article.text() : article.title() + "\n\n" + article.text();
        List<TopicMatch> matches = matcher.match(searchable);
        return matches.stream()
                .map(m -> new TopicHit(m.topic().id(), m.topic().name(), m.snippet(), m.matchedTerms(),
                        m.topic().labels(), m.topic().urgent()))
                .toList();
    }
}
