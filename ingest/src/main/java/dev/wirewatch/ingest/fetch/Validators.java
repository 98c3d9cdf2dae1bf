package dev.wirewatch.ingest.fetch;

/**
 * The cache validators of a response ({@code ETag}, {@code Last-Modified}), sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged feed costs a 304 and no reprocessing.
 *
 * <p>Immutable; either may be null.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
