package dev.wirewatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL over HTTP with Wirewatch's limits: a User-Agent, connect and request timeouts, gzip/deflate, a
 * body cap enforced while reading (after decompression, so a compression bomb stops at the cap too), and at most
 * {@value #MAX_REDIRECTS} redirects, followed here rather than by the JDK so that every hop passes the SSRF guard
 * before it is requested and a loop is named as such. 429 and 503 carry the server's Retry-After.
 *
 * <p>Thread safe; one instance is shared by all feeds.
 */
public final class HttpFetcher {

    /** Redirects followed at most; one more is an error, as is a URL visited twice (a loop). */
    public static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final NetworkGuard guard;
    private final String userAgent;
    private final long maxBodyBytes;
    private final Duration requestTimeout;

    public HttpFetcher(NetworkGuard guard, String userAgent, long maxBodyBytes, Duration connectTimeout,
                       Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, so that each hop passes the guard
                .build();
        this.guard = guard;
        this.userAgent = userAgent;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeout = requestTimeout;
    }

    /**
     * GETs {@code uri} and returns its body on a 2xx answer.
     *
     * @throws FetchException for a refused URL, a network failure, a non-2xx status or a body over the cap
     */
    public Fetched get(URI uri) throws FetchException {
        return get(uri, Validators.NONE);
    }

    /**
     * GETs {@code uri} conditionally: with {@code validators} from an earlier response, an unchanged resource
     * answers 304 and comes back as a {@link Fetched#notModified()} result without a body.
     */
    public Fetched get(URI uri, Validators validators) throws FetchException {
        URI current = uri;
        Set<URI> visited = new HashSet<>();
        visited.add(current);
        for (int redirects = 0; ; redirects++) {
            guard.check(current); // every hop: a public URL must not redirect Wirewatch into the internal network
            HttpResponse<InputStream> response = send(current, validators);
            int status = response.statusCode();
            if (!REDIRECTS.contains(status)) {
                return read(uri, response, validators);
            }
            close(response);
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw new FetchException("http-" + status, current + " answered HTTP " + status + " without Location");
            }
            if (redirects == MAX_REDIRECTS) {
                throw new FetchException("too-many-redirects", uri + " redirects more than " + MAX_REDIRECTS
                        + " times");
            }
            URI next;
            try {
                next = current.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                throw new FetchException("invalid-url", current + " redirects to a malformed URL", e);
            }
            if (!visited.add(next)) {
                throw new FetchException("redirect-loop", uri + " redirects in a loop (back to " + next + ")");
            }
            current = next;
        }
    }

    private HttpResponse<InputStream> send(URI uri, Validators validators) throws FetchException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (validators.etag() != null) {
            builder.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            builder.header("If-Modified-Since", validators.lastModified());
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException("timeout", "no answer from " + uri + " within " + requestTimeout, e);
        } catch (ConnectException e) {
            throw new FetchException("connect", "cannot connect to " + uri + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchException("io", "fetching " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while fetching " + uri, e);
        }
    }

    private Fetched read(URI requested, HttpResponse<InputStream> response, Validators validators)
            throws FetchException {
        try (InputStream raw = response.body()) {
            int status = response.statusCode();
            if (status == 304 && !validators.isEmpty()) {
                return new Fetched(response.uri(), 304, null, new byte[0], validators);
            }
            if (status / 100 != 2) {
                Duration retryAfter = status == 429 || status == 503
                        ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
                throw new FetchException("http-" + status, requested + " answered HTTP " + status
                        + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"), retryAfter);
            }
            String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase();
            byte[] body = readCapped(decoded(raw, encoding), requested);
            return new Fetched(response.uri(), status,
                    response.headers().firstValue("Content-Type").orElse(null), body,
                    new Validators(response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null)));
        } catch (IOException e) {
            throw new FetchException("io", "reading " + requested + " failed: " + e, e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // the redirect's body is not needed; a failure to discard it changes nothing
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(java.time.Instant.now(), java.time.ZonedDateTime.parse(header.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private byte[] readCapped(InputStream in, URI uri) throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBodyBytes) {
                throw new FetchException("too-large", uri + " is larger than the " + maxBodyBytes
                        + "-byte cap (ingest.maxBodyBytes)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
