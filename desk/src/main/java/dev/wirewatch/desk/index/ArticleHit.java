package dev.wirewatch.desk.index;

import java.time.Instant;

/**
 * One retained article that matched a query, with a snippet around the first match in which every match is marked
 * with {@code **} (as alerts mark them).
 *
 * <p>Immutable. {@code title}, {@code publishedAt} and {@code snippet} may be null.
 */
public record ArticleHit(String id, String title, String url, String source, Instant publishedAt, String snippet) {
}
