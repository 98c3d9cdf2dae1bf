package dev.wirewatch.ingest.fetch;

import java.net.URI;

/**
 * A successfully fetched HTTP response: a 2xx body, or a 304 (not modified since the validators sent).
 *
 * <p>Immutable; {@code body} is owned by this record and must not be modified (empty on a 304). {@code contentType}
 * is the raw {@code Content-Type} header or null. {@code uri} is the final URI after redirects. {@code validators}
 * are what to send next time for a conditional GET.
 */
public record Fetched(URI uri, int status, String contentType, byte[] body, Validators validators) {

    /** True for a 304: the resource is unchanged since the validators that were sent. */
    public boolean notModified() {
        return status == 304;
    }
}
