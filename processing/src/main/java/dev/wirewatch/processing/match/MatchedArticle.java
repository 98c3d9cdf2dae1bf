package dev.wirewatch.processing.match;

import dev.wirewatch.model.Article;
import dev.wirewatch.processing.mention.TopicHit;
import java.util.List;

/**
 * An article with the tracked topics it matched, on its way to its features and triage; or, when {@code backfill},
 * a retained article's matches of a topic changed at runtime (triage already decided it: no features are computed).
 *
 * <p>Immutable.
 */
public record MatchedArticle(Article article, List<TopicHit> hits, boolean backfill) {

    public MatchedArticle {
        hits = List.copyOf(hits);
    }
}
