package dev.wirewatch.ingest.fetch;

import java.net.URI;

/**
 * A successfully fetched HTTP response body.
 *
 * <p>Immutable; {@code body} is owned by this record and must not be modified. {@code contentType} is the raw
 * {@code Content-Type} header or null. {@code uri} is the final URI after redirects.
 */
public record Fetched(URI uri, int status, String contentType, byte[] body) {
}
