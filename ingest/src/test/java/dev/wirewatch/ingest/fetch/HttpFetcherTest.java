package dev.wirewatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.ingest.LocalHttpServer;
import dev.wirewatch.ingest.LocalHttpServer.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private static final int CAP = 64 * 1024;
    private final LocalHttpServer server = new LocalHttpServer();
    private final HttpFetcher fetcher = new HttpFetcher(new NetworkGuard(true), "Wirewatch-test/1 (+https://x)",
            CAP, Duration.ofSeconds(2), Duration.ofMillis(700));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void okBodyAndContentTypeComeBack() throws Exception {
        server.route("/a", Route.ok("text/html; charset=utf-8", "hello".getBytes(StandardCharsets.UTF_8)));
        Fetched f = fetcher.get(server.uri("/a"));
        assertEquals(200, f.status());
        assertEquals("text/html; charset=utf-8", f.contentType());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), f.body());
    }

    @Test
    void gzipBodiesAreDecoded() throws Exception {
        server.route("/gz", new Route(200, "text/plain", gzip(new byte[] {'o', 'k'}),
                Map.of("Content-Encoding", "gzip"), 0));
        assertArrayEquals(new byte[] {'o', 'k'}, fetcher.get(server.uri("/gz")).body());
    }

    @Test
    void errorStatusesHaveTheirOwnOutcome() {
        server.route("/down", Route.status(500));
        assertEquals("http-404", assertThrows(FetchException.class, () -> fetcher.get(server.uri("/missing")))
                .outcome());
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/down")));
        assertEquals("http-500", e.outcome());
        assertTrue(e.getMessage().contains("/down"), e.getMessage());
    }

    private static Route redirect(int status, String location) {
        return new Route(status, "text/plain", new byte[0], Map.of("Location", location), 0);
    }

    @Test
    void redirectsAreFollowedUpToFiveAndTheFinalUrlIsReported() throws Exception {
        server.route("/r1", redirect(301, "/r2")).route("/r2", redirect(302, "/r3")).route("/r3", redirect(307, "/r4"))
                .route("/r4", redirect(308, "/r5")).route("/r5", redirect(303, "/end"))
                .route("/end", Route.ok("text/plain", "here".getBytes(StandardCharsets.UTF_8)));
        Fetched f = fetcher.get(server.uri("/r1"));
        assertEquals(server.uri("/end"), f.uri());
        server.route("/r0", redirect(301, "/r1"));
        assertEquals("too-many-redirects", assertThrows(FetchException.class,
                () -> fetcher.get(server.uri("/r0"))).outcome());
        assertEquals(0, server.hits("/end") - 1, "the sixth redirect is not followed");
    }

    @Test
    void redirectLoopIsNamedAndEndsAtOnce() {
        server.route("/a", redirect(302, "/b")).route("/b", redirect(302, "/a"));
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/a")));
        assertEquals("redirect-loop", e.outcome());
        assertEquals(1, server.hits("/a"));
        assertEquals(1, server.hits("/b"));
    }

    @Test
    void everyRedirectHopPassesTheGuardBeforeItIsRequested() {
        server.route("/out", redirect(302, "file:///etc/passwd"));
        assertEquals("refused-scheme", assertThrows(FetchException.class,
                () -> fetcher.get(server.uri("/out"))).outcome());
        HttpFetcher guarded = new HttpFetcher(new NetworkGuard(false), "t", CAP, Duration.ofSeconds(2),
                Duration.ofMillis(700));
        assertEquals("refused-private-network", assertThrows(FetchException.class,
                () -> guarded.get(server.uri("/out"))).outcome());
        assertEquals(1, server.hits("/out"), "the guarded fetcher never sent the first request");
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardCheckedSoARebindingNameCannotReachInside() throws Exception {
        server.route("/page", Route.ok("text/html", "<p>inside</p>".getBytes(StandardCharsets.UTF_8)));
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        // a DNS that answers a public address first and loopback after, as a rebinding attacker's does
        NetworkGuard.Lookup rebinding = host -> new java.net.InetAddress[] {lookups.getAndIncrement() == 0
                ? java.net.InetAddress.getByName("203.0.113.10") : java.net.InetAddress.getLoopbackAddress()};
        HttpFetcher guarded = new HttpFetcher(new NetworkGuard(false, rebinding), "t", CAP, Duration.ofSeconds(1),
                Duration.ofMillis(700));
        java.net.URI target = java.net.URI.create("http://rebind.test:" + server.uri("/page").getPort() + "/page");
        String first = assertThrows(FetchException.class, () -> guarded.get(target)).outcome();
        assertTrue(first.equals("connect") || first.equals("timeout"), "it went to the public address: " + first);
        assertEquals(1, lookups.get(), "one resolution, checked and connected to");
        assertEquals("refused-private-network", assertThrows(FetchException.class,
                () -> guarded.get(target)).outcome(), "the loopback answer is refused before any connection");
        assertEquals(0, server.hits("/page"), "nothing reached the inside server");

        HttpFetcher allowed = new HttpFetcher(new NetworkGuard(true, host -> new java.net.InetAddress[] {
                java.net.InetAddress.getLoopbackAddress()}), "t", CAP, Duration.ofSeconds(1), Duration.ofMillis(700));
        assertEquals(200, allowed.get(target).status(), "the connection uses the guard's resolution");
    }

    @Test
    void tooManyRequestsCarriesTheServersRetryAfter() {
        server.route("/busy", new Route(429, "text/plain", new byte[0], Map.of("Retry-After", "120"), 0));
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/busy")));
        assertEquals("http-429", e.outcome());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void oversizedBodyStopsAtTheCap() {
        server.route("/big", Route.ok("text/html", new byte[CAP * 4]));
        assertEquals("too-large", assertThrows(FetchException.class, () -> fetcher.get(server.uri("/big")))
                .outcome());
    }

    @Test
    void gzipBombStopsAtTheCapAfterDecompression() throws IOException {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MB of zeros is ~50 KB compressed
        assertTrue(bomb.length < CAP * 2);
        server.route("/bomb", new Route(200, "text/html", bomb, Map.of("Content-Encoding", "gzip"), 0));
        assertEquals("too-large", assertThrows(FetchException.class, () -> fetcher.get(server.uri("/bomb")))
                .outcome());
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.route("/slow", new Route(200, "text/html", new byte[] {'x'}, Map.of(), 10_000));
        assertEquals("timeout", assertThrows(FetchException.class, () -> fetcher.get(server.uri("/slow")))
                .outcome());
    }

    @Test
    void deadPortIsAConnectFailure() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get(java.net.URI.create("http://127.0.0.1:9/feed.xml")));
        assertTrue(e.outcome().equals("connect") || e.outcome().equals("io"), e.outcome());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
