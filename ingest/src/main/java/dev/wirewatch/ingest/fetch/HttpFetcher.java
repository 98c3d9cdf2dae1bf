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
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL over HTTP with Wirewatch's limits: a User-Agent, connect and request timeouts, gzip/deflate, and a
 * body cap enforced while reading (after decompression, so a compression bomb stops at the cap too).
 *
 * <p>Thread safe; one instance is shared by all feeds.
 */
public final class HttpFetcher {

    private final HttpClient client;
    private final NetworkGuard guard;
    private final String userAgent;
    private final long maxBodyBytes;
    private final Duration requestTimeout;

    public HttpFetcher(NetworkGuard guard, String userAgent, long maxBodyBytes, Duration connectTimeout,
                       Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
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
        guard.check(uri);
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
        HttpRequest request = builder.build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
        try (InputStream raw = response.body()) {
            if (response.statusCode() == 304 && !validators.isEmpty()) {
                return new Fetched(response.uri(), 304, null, new byte[0], validators);
            }
            if (response.statusCode() / 100 != 2) {
                throw new FetchException("http-" + response.statusCode(),
                        uri + " answered HTTP " + response.statusCode());
            }
            guard.check(response.uri()); // a redirect may have led somewhere the original URL could not go
            String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase();
            byte[] body = readCapped(decoded(raw, encoding), uri);
            return new Fetched(response.uri(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), body,
                    new Validators(response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null)));
        } catch (IOException e) {
            throw new FetchException("io", "reading " + uri + " failed: " + e, e);
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
