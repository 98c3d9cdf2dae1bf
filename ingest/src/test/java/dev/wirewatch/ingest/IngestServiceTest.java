package dev.wirewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.IngestSettings;
import dev.wirewatch.ingest.LocalHttpServer.Route;
import dev.wirewatch.model.Article;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestServiceTest {

    private static final Instant NOW = Instant.parse("2025-07-15T12:00:00Z");
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<Article> written = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Writes to refuse, as a broker that is down would: each refused article is not written. */
    private final AtomicInteger refuse = new AtomicInteger();

    private final ArticleSink sink = new ArticleSink() {
        @Override
        public CompletableFuture<Void> accept(Article article) {
            if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(
                        new TimeoutException("broker down"));
            }
            written.add(article);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stop() {
        server.close();
    }

    private IngestService service(boolean allowPrivate, String... feedPaths) {
        List<FeedSettings> feeds = java.util.Arrays.stream(feedPaths)
                .map(p -> new FeedSettings(server.uri(p).toString(), "feed " + p, null)).toList();
        return new IngestService(feeds, new IngestSettings(allowPrivate, null, 1024L * 1024, null, null, null,
                java.time.Duration.ZERO), sink,
                registry, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void serveRss2() {
        String base = server.uri("").toString();
        String feed = new String(LocalHttpServer.resource("feeds/rss2.xml"), StandardCharsets.UTF_8)
                .replace("http://localhost/", base + "/");
        server.route("/rss.xml", Route.ok("application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)))
                .fixture("/articles/su35.html", "text/html; charset=utf-8", "pages/su35.html")
                .fixture("/articles/undated.html", "text/html; charset=utf-8", "pages/scripts-only.html");
    }

    @Test
    void hostileAndBrokenFeedsFailAloneAndTheGoodFeedsArticlesArrive() {
        serveRss2();
        server.fixture("/truncated.xml", "application/xml", "feeds/truncated.xml")
                .fixture("/xxe.xml", "application/xml", "feeds/xxe.xml")
                .route("/500.xml", Route.status(500));
        IngestSummary summary;
        try (IngestService ingest = service(true, "/truncated.xml", "/rss.xml", "/xxe.xml", "/500.xml",
                "/missing.xml")) {
            summary = ingest.pollAllOnce();
        }
        assertEquals(5, summary.feedsPolled());
        assertEquals(4, summary.feedsFailed());
        assertTrue(summary.failures().stream().anyMatch(f -> f.contains("/500.xml") && f.contains("HTTP 500")),
                summary.failures().toString());
        assertTrue(summary.failures().stream().anyMatch(f -> f.contains("/truncated.xml")
                && f.contains("not a readable RSS/Atom feed")), summary.failures().toString());

        Map<String, Article> byTitle = written.stream()
                .collect(Collectors.toMap(a -> String.valueOf(a.title()), Function.identity()));
        assertEquals(2, written.size(), written.toString());
        Article su35 = byTitle.get("Hanoi weighs Su-35 order");
        assertTrue(su35.text().startsWith("Vietnam is weighing an order"), su35.text());
        assertEquals(server.uri("/articles/su35.html").toString(), su35.canonicalUrl(),
                "rel=canonical honoured, tracking parameter removed");
        assertEquals(Article.idFor(su35.canonicalUrl()), su35.id());
        assertEquals("feed /rss.xml", su35.source());
        assertEquals("Linh Pham", su35.author());
        assertEquals(Instant.parse("2025-07-14T06:00:00Z"), su35.publishedAt());
        assertEquals(NOW, su35.fetchedAt());

        Article gone = byTitle.get("Page that is gone");
        assertEquals("Only the feed knows this text: the page answers 404.", gone.text(), "feed text stands in");
        assertEquals(1, summary.pageFallbacks());
        assertEquals(1.0, registry.find("wirewatch.page.fetches").tag("outcome", "ok").counter().count(),
                "the page standing in for a 404 is not also counted as fetched");
        assertEquals(1.0, registry.find("wirewatch.extraction.failures").tag("reason", "empty").counter().count(),
                "the page of only scripts is an extraction failure");
        assertEquals(4.0, registry.find("wirewatch.feed.polls").counters().stream()
                .filter(c -> !"ok".equals(c.getId().getTag("outcome"))).mapToDouble(c -> c.count()).sum());
    }

    @Test
    void anArticleAlreadyIngestedIsNotFetchedAgain() {
        serveRss2();
        try (IngestService ingest = service(true, "/rss.xml")) {
            ingest.pollAllOnce();
            ingest.pollAllOnce();
        }
        assertEquals(1, server.hits("/articles/su35.html"));
        assertEquals(2, written.size());
    }

    @Test
    void anArticleKafkaDidNotAcknowledgeIsNotMarkedIngestedAndIsFetchedAgain() {
        serveRss2();
        refuse.set(2);
        try (IngestService ingest = service(true, "/rss.xml")) {
            ingest.pollAllOnce();
            assertEquals(0, written.size(), "the broker took nothing");
            assertEquals(2.0, registry.find("wirewatch.ingest.write.failures").counter().count());
            ingest.pollAllOnce();
        }
        assertEquals(2, written.size(), "both arrive at the next poll");
        assertEquals(2, server.hits("/articles/su35.html"), "fetched again, not skipped as ingested");
    }

    @Test
    void pagesDisallowedByRobotsTxtAreNotFetchedAndTheFeedTextStandsIn() {
        serveRss2();
        server.route("/robots.txt", Route.ok("text/plain", """
                User-agent: wirewatch
                Disallow: /articles/su35.html

                User-agent: *
                Disallow: /
                """.getBytes(StandardCharsets.UTF_8)));
        IngestSummary summary;
        try (IngestService ingest = service(true, "/rss.xml")) {
            summary = ingest.pollAllOnce();
        }
        assertEquals(0, server.hits("/articles/su35.html"), "robots.txt obeyed: the page was never requested");
        assertEquals(1, server.hits("/robots.txt"), "robots.txt fetched once per site, then cached");
        assertEquals(1.0, registry.find("wirewatch.page.fetches").tag("outcome", "robots-disallowed").counter()
                .count());
        assertEquals(0, summary.feedsFailed());
        assertTrue(written.stream().anyMatch(a -> a.canonicalUrl().endsWith("/articles/su35.html")),
                "the entry still arrives, with the feed's own text: " + written);
    }

    private static byte[] rss(String... itemLinks) {
        StringBuilder items = new StringBuilder();
        for (String link : itemLinks) {
            items.append("<item><title>Item ").append(link.hashCode()).append("</title><link>").append(link)
                    .append("</link><description>Feed text of ").append(link).append("</description></item>");
        }
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://x/</link>"
                + "<description>d</description>" + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneArticleThroughTwoFeedsIsOneRecordAndHostilePagesFailAlone() {
        String base = server.uri("").toString();
        String cp1251Page = "<html><head><meta charset=\"windows-1251\"><title>Ханой</title></head><body><article>"
                + "<p>Ханой подписал контракт на поставку истребителей Су-35, сообщили в понедельник два чиновника.</p>"
                + "</article></body></html>";
        server.route("/a.xml", Route.ok("application/rss+xml", rss(base + "/story.html?utm_source=a&utm_medium=rss",
                        base + "/huge.html", base + "/ru.html")))
                .route("/b.xml", Route.ok("application/rss+xml", rss(base + "/story.html?utm_source=b#top",
                        base + "/loop1.html")))
                .fixture("/story.html", "text/html; charset=utf-8", "pages/su35.html")
                .route("/huge.html", Route.ok("text/html", new byte[50 * 1024 * 1024]))
                .route("/ru.html", Route.ok("text/html", cp1251Page.getBytes(java.nio.charset.Charset
                        .forName("windows-1251"))))
                .route("/loop1.html", new Route(302, "text/plain", new byte[0], Map.of("Location", "/loop2.html"), 0))
                .route("/loop2.html", new Route(302, "text/plain", new byte[0], Map.of("Location", "/loop1.html"), 0));
        IngestSummary summary;
        try (IngestService ingest = service(true, "/a.xml", "/b.xml")) {
            summary = ingest.pollAllOnce();
        }
        assertEquals(0, summary.feedsFailed());
        assertEquals(1, server.hits("/story.html"), "the same article through two feeds is fetched once");
        assertEquals(1, written.stream().filter(a -> a.canonicalUrl().endsWith("/articles/su35.html")).count(),
                written.toString());
        Article russian = written.stream().filter(a -> a.url().endsWith("/ru.html")).findFirst().orElseThrow();
        assertTrue(russian.text().startsWith("Ханой подписал контракт"), russian.text());
        assertTrue(written.stream().anyMatch(a -> a.url().endsWith("/huge.html")
                && a.text().startsWith("Feed text of")), "a 50 MB page is refused; the feed text stands in");
        assertEquals(1.0, registry.find("wirewatch.page.fetches").tag("outcome", "too-large").counter().count());
        assertEquals(1.0, registry.find("wirewatch.page.fetches").tag("outcome", "redirect-loop").counter().count());
    }

    @Test
    void anUnchangedFeedCostsA304AndNoReprocessing() {
        serveRss2();
        Route feed = new Route(200, "application/rss+xml", LocalHttpServer.resource("feeds/rss2.xml"),
                Map.of("ETag", "\"v1\""), 0);
        String base = server.uri("").toString();
        server.route("/rss.xml", new Route(feed.status(), feed.contentType(), new String(feed.body(),
                StandardCharsets.UTF_8).replace("http://localhost/", base + "/").getBytes(StandardCharsets.UTF_8),
                feed.headers(), 0));
        IngestSummary second;
        try (IngestService ingest = service(true, "/rss.xml")) {
            ingest.pollAllOnce();
            second = ingest.pollAllOnce();
        }
        assertEquals(0, second.feedsFailed());
        assertEquals(0, second.articles());
        assertEquals(2, server.hits("/rss.xml"));
        assertEquals(1, server.hits("/articles/su35.html"));
        assertEquals(1.0, registry.find("wirewatch.feed.polls").tag("outcome", "not-modified").counter().count());
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        serveRss2();
        IngestSummary summary;
        try (IngestService ingest = service(false, "/rss.xml")) {
            summary = ingest.pollAllOnce();
        }
        assertEquals(1, summary.feedsFailed());
        assertTrue(summary.failures().get(0).contains("allowPrivateNetworks"), summary.failures().toString());
        assertEquals(0, server.hits("/rss.xml"));
    }
}
