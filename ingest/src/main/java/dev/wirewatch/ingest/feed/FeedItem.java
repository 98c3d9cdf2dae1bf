package dev.wirewatch.ingest.feed;

import java.time.Instant;

/**
 * One entry of a feed: the article link (absolute), and what the feed itself says about it.
 *
 * <p>Immutable. Everything but {@code link} and {@code categories} may be null. {@code content} is the entry's own
 * text (content:encoded, Atom content or summary), used when the linked page cannot be fetched; {@code guid} is the
 * RSS guid or Atom id.
 */
public record FeedItem(String link, String title, String author, Instant publishedAt, String content, String guid,
                       java.util.List<String> categories) {

    public FeedItem {
        categories = categories == null ? java.util.List.of() : java.util.List.copyOf(categories);
    }

    public FeedItem(String link, String title, String author, Instant publishedAt, String content) {
        this(link, title, author, publishedAt, content, null, null);
    }
}
