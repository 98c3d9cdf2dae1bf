package dev.wirewatch.ingest.extract;

import java.time.Instant;

/**
 * What a page says about itself in its head and structured data (JSON-LD, OpenGraph, meta tags, microdata),
 * independent of the DOM text.
 *
 * <p>Immutable; every field is null when the page does not say. {@code articleBody} is the JSON-LD body, kept to be
 * weighed against the DOM text, not trusted blindly.
 */
record PageMetadata(String title, String author, Instant publishedAt, String language, String canonicalUrl,
                    String leadImage, String articleBody) {
}
