package dev.wirewatch.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.ingest.LocalHttpServer;
import dev.wirewatch.ingest.LocalHttpServer.Route;
import dev.wirewatch.ingest.fetch.HttpFetcher;
import dev.wirewatch.ingest.fetch.NetworkGuard;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PolitenessTest {

    private final LocalHttpServer server = new LocalHttpServer();
    private final HttpFetcher fetcher = new HttpFetcher(new NetworkGuard(true), "Wirewatch/0.1 (+https://x)",
            64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void crawlDelayIsReadAndCappedAndAMissingRobotsTxtAllowsAll() {
        server.route("/robots.txt", Route.ok("text/plain", """
                User-agent: wirewatch
                Crawl-delay: 600
                Disallow: /drafts/
                """.getBytes(StandardCharsets.UTF_8)));
        RobotsCache robots = new RobotsCache(fetcher, List.of("wirewatch"), Clock.systemUTC());
        assertFalse(robots.allowed(server.uri("/drafts/a.html")));
        assertTrue(robots.allowed(server.uri("/news/a.html")));
        assertEquals(RobotsCache.MAX_CRAWL_DELAY, robots.crawlDelay(server.uri("/news/a.html")));

        LocalHttpServer bare = new LocalHttpServer();
        try {
            RobotsCache none = new RobotsCache(fetcher, List.of("wirewatch"), Clock.systemUTC());
            assertTrue(none.allowed(bare.uri("/anything")), "404 robots.txt allows everything");
            assertNull(none.crawlDelay(bare.uri("/anything")));
        } finally {
            bare.close();
        }
    }

    @Test
    void aRobotsTxtServerErrorDisallowsTheSiteForNow() {
        server.route("/robots.txt", Route.status(503));
        RobotsCache robots = new RobotsCache(fetcher, List.of("wirewatch"), Clock.systemUTC());
        assertFalse(robots.allowed(server.uri("/news/a.html")));
    }

    @Test
    void oneRequestAtATimePerHostWithTheMinimumPauseBetween() throws Exception {
        HostGate gate = new HostGate(Duration.ofMillis(200));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<long[]> spans = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        URI url = URI.create("http://news.example/a");
        for (int i = 0; i < 3; i++) {
            pool.submit(() -> gate.call(url, null, () -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                long start = System.nanoTime();
                Thread.sleep(20);
                inFlight.decrementAndGet();
                spans.add(new long[] {start, System.nanoTime()});
                return null;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, maxInFlight.get(), "never two requests to one host at once");
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < spans.size(); i++) {
            long gap = spans.get(i)[0] - spans.get(i - 1)[1];
            assertTrue(gap >= Duration.ofMillis(200).toNanos(), "pause between requests was " + gap / 1_000_000 + " ms");
        }
    }
}
