package dev.wirewatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One fetched news article, the record on the {@code articles} topic.
 *
 * <p>Immutable. {@code id} is derived from {@code canonicalUrl} ({@link #idFor}), so the same article reached through
 * two feeds is one record. {@code title}, {@code author}, {@code language}, {@code publishedAt} and {@code feedUrl}
 * may be null when the source does not say; the other fields never are. {@code schemaVersion} is written on the wire so
 * that a newer reader can recognise records written by this build. {@code categories} (the feed entry's, added in
 * version 1 as an optional field) is never null: records written without it read as having none.
 */
public record Article(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        String title,
        String text,
        String source,
        String feedUrl,
        String author,
        String language,
        Instant publishedAt,
        Instant fetchedAt,
        String contentHash,
        List<String> categories) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public Article {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION; // records from before versioning, or hand-written test input
        }
        requireText(id, "id");
        requireText(url, "url");
        requireText(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(text, "text");
        requireText(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        requireText(contentHash, "contentHash");
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Builds an article of the current schema, deriving {@code id} and {@code contentHash}. */
    public static Article of(String url, String canonicalUrl, String title, String text, String source, String feedUrl,
                             String author, String language, Instant publishedAt, Instant fetchedAt) {
        return new Article(SCHEMA_VERSION, idFor(canonicalUrl), url, canonicalUrl, title, text, source, feedUrl,
                author, language, publishedAt, fetchedAt, ContentHash.of(text), List.of());
    }

    /** This article with the feed entry's categories. */
    public Article withCategories(List<String> newCategories) {
        return new Article(schemaVersion, id, url, canonicalUrl, title, text, source, feedUrl, author, language,
                publishedAt, fetchedAt, contentHash, newCategories);
    }

    /** The stable article id for a canonical URL: the first 128 bits of its SHA-256, in hex. */
    public static String idFor(String canonicalUrl) {
        requireText(canonicalUrl, "canonicalUrl");
        return sha256Hex(canonicalUrl).substring(0, 32);
    }

    /** The time the article claims to be from, or when it was fetched when it claims nothing. */
    public Instant effectiveTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }

    static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Article." + field + " must not be blank");
        }
    }
}
