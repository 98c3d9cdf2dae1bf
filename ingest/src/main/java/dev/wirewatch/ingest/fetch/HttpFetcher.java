package dev.wirewatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL over HTTP with Wirewatch's limits: a User-Agent, connect and request timeouts, gzip/deflate, a
 * body cap enforced while reading (after decompression, so a compression bomb stops at the cap too), and at most
 * {@value #MAX_REDIRECTS} redirects, followed here rather than by the client so that every hop passes the SSRF guard
 * and a loop is named as such. 429 and 503 carry the server's Retry-After.
 *
 * <p>On Apache HttpClient rather than the JDK's, for one reason: its connections resolve names through
 * {@link NetworkGuard#resolve}, so the addresses the guard checked are the ones connected to (the JDK client
 * resolves again by itself, which a rebinding DNS answer can turn to an internal address).
 *
 * <p>Thread safe; one instance is shared by all feeds.
 */
public final class HttpFetcher {

    /** Redirects followed at most; one more is an error, as is a URL visited twice (a loop). */
    public static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final CloseableHttpClient client;
    private final NetworkGuard guard;
    private final String userAgent;
    private final long maxBodyBytes;
    private final Duration requestTimeout;

    public HttpFetcher(NetworkGuard guard, String userAgent, long maxBodyBytes, Duration connectTimeout,
                       Duration requestTimeout) {
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(pinned)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout)).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(4)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(requestTimeout))
                        .build())
                .disableRedirectHandling() // followed here, so that each hop passes the guard
                .disableContentCompression() // decoded here, under the body cap
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(userAgent)
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
            guard.checkTarget(current); // every hop; its addresses are checked as the connection resolves them
            HttpGet get = request(current, validators);
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                int status = response.getCode();
                if (!REDIRECTS.contains(status)) {
                    return read(uri, current, response, validators);
                }
                String location = header(response, "Location");
                if (location == null) {
                    throw new FetchException("http-" + status, current + " answered HTTP " + status
                            + " without Location");
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
            } catch (NetworkGuard.Refused e) {
                throw new FetchException("refused-private-network", e.getMessage(), e);
            } catch (UnknownHostException e) {
                throw new FetchException("dns", "unknown host " + current.getHost(), e);
            } catch (ConnectTimeoutException | ConnectException e) {
                throw new FetchException("connect", "cannot connect to " + current + ": " + e.getMessage(), e);
            } catch (SocketTimeoutException e) {
                throw new FetchException("timeout", "no answer from " + current + " within " + requestTimeout, e);
            } catch (IOException e) {
                throw new FetchException("io", "fetching " + current + " failed: " + e, e);
            }
        }
    }

    private HttpGet request(URI uri, Validators validators) {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept-Encoding", "gzip, deflate");
        if (validators.etag() != null) {
            get.setHeader("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            get.setHeader("If-Modified-Since", validators.lastModified());
        }
        return get;
    }

    private Fetched read(URI requested, URI current, ClassicHttpResponse response, Validators validators)
            throws FetchException, IOException {
        int status = response.getCode();
        if (status == 304 && !validators.isEmpty()) {
            return new Fetched(current, 304, null, new byte[0], validators);
        }
        if (status / 100 != 2) {
            Duration retryAfter = status == 429 || status == 503 ? retryAfter(header(response, "Retry-After")) : null;
            throw new FetchException("http-" + status, requested + " answered HTTP " + status
                    + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"), retryAfter);
        }
        String encoding = header(response, "Content-Encoding");
        encoding = encoding == null ? "" : encoding.trim().toLowerCase();
        byte[] body;
        if (response.getEntity() == null) {
            body = new byte[0];
        } else {
            try (InputStream raw = response.getEntity().getContent()) {
                body = readCapped(decoded(raw, encoding), requested);
            }
        }
        return new Fetched(current, status, header(response, "Content-Type"), body,
                new Validators(header(response, "ETag"), header(response, "Last-Modified")));
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
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
