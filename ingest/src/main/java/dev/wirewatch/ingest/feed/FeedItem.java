package dev.wirewatch.ingest.feed;

import java.time.Instant;

/**
 * One entry of a feed: the article link (absolute), and what the feed itself says about it.
 *
 * <p>Immutable. Everything but {@code link} may be null. {@code content} is the entry's own text (content:encoded,
 * Atom content or summary), used when the linked page cannot be fetched.
 */
public record FeedItem(String link, String title, String author, Instant publishedAt, String content) {
}
