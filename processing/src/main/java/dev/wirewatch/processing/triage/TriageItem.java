package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.mention.TopicHit;
import java.time.Instant;
import java.util.List;

/**
 * One record on processing's way into the single-writer triage step: an article's header, its features and the
 * topics it matched; or, for a topic added at runtime, a retained article's new matches ({@code features} null,
 * {@link #backfill()} true). The body is not carried: triage decides from features alone.
 *
 * <p>Immutable. {@code title} and {@code publishedAt} may be null; {@code hits} is never null. {@code schemaVersion}
 * is written on the wire (1 for this build).
 */
public record TriageItem(int schemaVersion, String articleId, String url, String title, String source,
                         Instant publishedAt, ArticleFeatures features, List<TopicHit> hits) {

    public static final int SCHEMA_VERSION = 1;

    public TriageItem {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("TriageItem.articleId must not be blank");
        }
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /** True for the new matches of an article triaged before. */
    public boolean backfill() {
        return features == null;
    }
}
