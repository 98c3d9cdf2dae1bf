package dev.wirewatch.processing.mention;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.Mention;
import dev.wirewatch.processing.match.TopicMatch;
import dev.wirewatch.processing.match.TopicMatcher;
import dev.wirewatch.processing.story.StoriedArticle;
import java.time.Instant;
import java.util.List;

/**
 * Turns an article of a story into a candidate {@link Mention} per tracked topic it matches (title and text).
 *
 * <p>Stateless and thread safe. Whether a candidate is the first of its story is decided downstream.
 */
public final class MentionDetector {

    private MentionDetector() {
    }

    public static List<Mention> detect(TopicMatcher matcher, StoriedArticle storied, Instant now, boolean backfill) {
        Article a = storied.article();
        String searchable = a.title() == null ? a.text() : a.title() + "\n\n" + a.text();
        List<TopicMatch> matches = matcher.match(searchable);
        return matches.stream()
                .map(m -> new Mention(Mention.SCHEMA_VERSION, m.topic().id(), m.topic().name(), storied.storyId(),
                        a.id(), a.url(), a.title(), a.source(), m.snippet(), m.matchedTerms(), a.publishedAt(), now,
                        backfill))
                .toList();
    }
}
