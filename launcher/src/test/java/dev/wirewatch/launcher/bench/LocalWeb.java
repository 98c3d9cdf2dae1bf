package dev.wirewatch.launcher.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.launcher.support.SyntheticNews;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generated web of news sites, one real HTTP server per site on its own loopback address (127.0.0.1, .2, ...):
 * each serves robots.txt, an RSS feed of its latest articles and article pages wrapped in the site's own
 * boilerplate (header, navigation, most-read list, share bar, related links, footer). A story published on several
 * sites is one syndicated body under each site's chrome and headline style. Records when each page was first
 * fetched, for latency figures.
 *
 * <p>Thread safe.
 */
final class LocalWeb implements AutoCloseable {

    /** Items a feed lists, newest first. */
    private static final int FEED_ITEMS = 400;

    /** One published page: its URL, site, HTML, and the tracked phrase its story carries (null for none). */
    record Page(String url, String site, String title, byte[] html, String phrase, int story) {
    }

    private final class Site {
        final String name;
        final HttpServer server;
        final String base;
        final Deque<Page> feed = new ConcurrentLinkedDeque<>();
        final Map<String, Page> pages = new ConcurrentHashMap<>();
        final String head;
        final String menu;
        final String footer;

        Site(int index) throws IOException {
            this.name = SITE_NAMES[index % SITE_NAMES.length] + (index >= SITE_NAMES.length ? " " + index : "");
            this.head = headChrome(index);
            this.menu = menuChrome(index);
            this.footer = footerChrome(index, name);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (index + 1)), 0),
                    256);
            this.base = "http://127.0.0." + (index + 1) + ":" + server.getAddress().getPort();
            server.createContext("/", this::serve);
            server.setExecutor(pool);
            server.start();
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body;
                String type;
                if (path.equals("/robots.txt")) {
                    body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
                    type = "text/plain";
                } else if (path.equals("/rss.xml")) {
                    firstFeedRequest.compareAndSet(0, System.currentTimeMillis());
                    body = rss(this);
                    type = "application/rss+xml; charset=utf-8";
                } else {
                    Page page = pages.get(path);
                    if (page == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    fetchedAt.putIfAbsent(page.url(), System.currentTimeMillis());
                    body = page.html();
                    type = "text/html; charset=utf-8";
                }
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static final String[] SITE_NAMES = {"Hanoi Herald", "Mekong Wire", "Delta Courier", "Saigon Ledger",
            "Pacific Review", "Harbour Times", "Red River Post", "Coastline Daily", "Highland Gazette",
            "Capital Observer", "Monsoon Journal", "Lotus Chronicle"};

    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "local-web");
        t.setDaemon(true);
        return t;
    });
    private final List<Site> sites = new ArrayList<>();
    private final SyntheticNews news;
    private final Random random;
    private final Map<String, Long> fetchedAt = new ConcurrentHashMap<>();
    private final AtomicLong firstFeedRequest = new AtomicLong();
    private int stories;

    private LocalWeb(long seed) {
        this.news = new SyntheticNews(seed, 30_000);
        this.random = new Random(seed);
    }

    static LocalWeb start(int siteCount, long seed) {
        // The JDK server writes headers and body apart: without TCP_NODELAY each response waits out a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        LocalWeb web = new LocalWeb(seed);
        try {
            for (int i = 0; i < siteCount; i++) {
                web.sites.add(web.new Site(i));
            }
        } catch (IOException e) {
            web.close();
            throw new UncheckedIOException("cannot bind a site on 127.0.0.x", e);
        }
        return web;
    }

    /** The feed URL of every site. */
    List<String> feedUrls() {
        return sites.stream().map(s -> s.base + "/rss.xml").toList();
    }

    /**
     * Publishes {@code count} new stories, each on {@code sitesEach} sites; one in {@code phraseEvery} carries a
     * tracked phrase. Returns the pages, in publication order.
     */
    synchronized List<Page> publish(int count, int sitesEach, int phraseEvery) {
        List<Page> published = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int story = stories++;
            SyntheticNews.Report report = news.report(5 + random.nextInt(5), phraseEvery);
            int first = random.nextInt(sites.size());
            for (int k = 0; k < sitesEach; k++) {
                Site site = sites.get((first + k * 5) % sites.size());
                String path = "/news/" + story + "-" + slug(report.headline()) + ".html";
                Page page = new Page(site.base + path, site.name, headline(report, site, k),
                        html(site, report, k, path), report.phrase(), story);
                site.pages.put(path, page);
                site.feed.addFirst(page);
                while (site.feed.size() > FEED_ITEMS) {
                    site.feed.removeLast();
                }
                published.add(page);
            }
        }
        return published;
    }

    /** The page at {@code url}, or null. */
    Page page(String url) {
        for (Site site : sites) {
            if (url.startsWith(site.base + "/")) {
                return site.pages.get(url.substring(site.base.length()));
            }
        }
        return null;
    }

    /** When {@code url} was first fetched (epoch millis), or null. */
    Long fetchedAt(String url) {
        return fetchedAt.get(url);
    }

    /** When a feed was first requested (epoch millis) since the start or {@link #forgetFeedRequests()}; 0 before. */
    long firstFeedRequest() {
        return firstFeedRequest.get();
    }

    /** Starts timing anew: the next feed request becomes the first. */
    void forgetFeedRequests() {
        firstFeedRequest.set(0);
    }

    private byte[] rss(Site site) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                + "<channel><title>").append(escape(site.name)).append("</title><link>").append(site.base)
                .append("/</link><description>Latest news</description>");
        for (Page page : site.feed) {
            xml.append("<item><title>").append(escape(page.title())).append("</title><link>").append(page.url())
                    .append("</link><guid>").append(page.url()).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The article under the site's chrome; the k-th republication edits the headline in the site's style. */
    private byte[] html(Site site, SyntheticNews.Report report, int k, String path) {
        String headline = headline(report, site, k);
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(headline)).append(" - ").append(escape(site.name)).append("</title>")
                .append("<link rel=\"canonical\" href=\"").append(site.base).append(path).append("\">")
                .append("<meta property=\"og:title\" content=\"").append(escape(headline)).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(Instant.now()).append("\">")
                .append(site.head)
                .append("</head><body><div class=\"cookie-banner\">We use cookies to improve your experience. "
                        + "<button>Accept all</button> <button>Settings</button></div>")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">")
                .append(escape(site.name)).append("</a>").append(site.menu)
                .append("<div class=\"subscribe\">Subscribe for unlimited access. Sign in.</div></header>")
                .append("<main><article class=\"story\"><h1>").append(escape(headline)).append("</h1>")
                .append("<p class=\"byline\">By ").append(escape(site.name)).append(" staff</p>")
                .append("<div class=\"story-body\">");
        for (String p : report.paragraphs()) {
            h.append("<p>").append(escape(p)).append("</p>");
        }
        h.append("</div><div class=\"share-bar\"><a href=\"#\">Share on X</a> <a href=\"#\">Share by email</a>"
                + "</div><section class=\"related\"><h2>Related stories</h2><ul>");
        for (int i = 0; i < 4; i++) {
            h.append("<li><a href=\"/news/r").append(random.nextInt(100_000)).append(".html\">")
                    .append(escape(news.report(1, 0).headline())).append("</a></li>");
        }
        h.append("</ul></section></article><aside class=\"most-read\"><h2>Most read</h2><ol>");
        for (int i = 0; i < 5; i++) {
            h.append("<li><a href=\"/news/m").append(random.nextInt(100_000)).append(".html\">")
                    .append(escape(news.report(1, 0).headline())).append("</a></li>");
        }
        h.append("</ol></aside><section class=\"comments\"><h2>Comments</h2>");
        for (int i = 0; i < 6; i++) {
            h.append("<div class=\"comment\"><span class=\"user\">reader").append(random.nextInt(9_000))
                    .append("</span><p>").append(escape(news.report(1, 0).paragraphs().get(0))).append("</p></div>");
        }
        h.append("</section></main>").append(site.footer).append("</body></html>");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a real page carries in its head: styles, an analytics blob and a script bundle (about 40 KB). */
    private static String headChrome(int site) {
        Random r = new Random(site);
        StringBuilder h = new StringBuilder("<style>");
        for (int i = 0; i < 150; i++) {
            h.append(".c").append(site).append('-').append(i).append("{margin:").append(r.nextInt(40))
                    .append("px;padding:").append(r.nextInt(20)).append("px;color:#").append(Integer.toHexString(
                            r.nextInt(0xFFFFFF))).append(";font:14px/1.4 sans-serif}");
        }
        h.append("</style><script type=\"application/json\" id=\"analytics\">{\"site\":").append(site)
                .append(",\"slots\":[");
        for (int i = 0; i < 120; i++) {
            h.append(i > 0 ? "," : "").append("{\"id\":\"ad-").append(i).append("\",\"size\":[300,250],"
                    + "\"targeting\":{\"k\":\"").append(Long.toHexString(r.nextLong())).append("\"}}");
        }
        h.append("]}</script><script>");
        for (int i = 0; i < 300; i++) {
            h.append("function f").append(i).append("(a,b){var x=a*").append(r.nextInt(1000))
                    .append("+b;return x>").append(r.nextInt(1000)).append("?x:f").append(Math.max(0, i - 1))
                    .append("(b,a);}");
        }
        return h.append("</script>").toString();
    }

    /** A mega-menu of sections and topics (about 120 links). */
    private static String menuChrome(int site) {
        Random r = new Random(site * 31L);
        StringBuilder m = new StringBuilder("<nav class=\"main-nav\"><ul>");
        for (String section : List.of("World", "Politics", "Business", "Defence", "Tech", "Sport", "Culture",
                "Opinion", "Science", "Travel", "Food", "Video")) {
            m.append("<li><a href=\"/").append(section.toLowerCase()).append("\">").append(section)
                    .append("</a><ul class=\"sub\">");
            for (int i = 0; i < 9; i++) {
                m.append("<li><a href=\"/").append(section.toLowerCase()).append("/t").append(r.nextInt(500))
                        .append("\">Topic ").append(r.nextInt(500)).append("</a></li>");
            }
            m.append("</ul></li>");
        }
        return m.append("</ul></nav>").toString();
    }

    /** The footer: the newsroom's blurb, its addresses and a block of links. */
    private static String footerChrome(int site, String name) {
        StringBuilder f = new StringBuilder("<footer class=\"site-footer\"><p>").append(escape(name))
                .append(" is an independent newsroom covering the region, with reporters in six cities, "
                        + "an editorial board, and a readers' desk that answers every letter.</p><ul>");
        for (int i = 0; i < 40; i++) {
            f.append("<li><a href=\"/about/").append(i).append("\">About ").append(i).append("</a></li>");
        }
        return f.append("</ul><p>Copyright ").append(2020 + site % 6)
                .append(", all rights reserved. Terms, privacy, cookies and contact.</p></footer>").toString();
    }

    private static String headline(SyntheticNews.Report report, Site site, int k) {
        return k == 0 ? report.headline() : k == 1 ? report.headline() + " | " + site.name
                : "Update: " + report.headline();
    }

    private static String slug(String headline) {
        return headline.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        sites.forEach(s -> s.server.stop(0));
        pool.shutdownNow();
    }
}
