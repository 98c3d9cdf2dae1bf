package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.SyntheticNews;
import dev.wirewatch.launcher.support.TopicReader;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker dies while ingest is in the middle of a poll: {@code wirewatch broker} and {@code wirewatch ingest} run
 * in their own JVMs; a feed lists 80 articles served slowly; a quarter into the poll the broker is killed (SIGKILL)
 * and started again on its data. Ingest writes every article exactly once and marks every link, without a restart.
 */
class IngestBrokerOutageIT {

    private static final int ARTICLES = 80;
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private final AtomicInteger pagesServed = new AtomicInteger();

    @Test
    void aBrokerKilledDuringAPollLosesNoArticleAndWritesNoneTwice() throws Exception {
        HttpServer site = site();
        PackagedJar broker = startBroker();
        PackagedJar ingest = null;
        PackagedJar restarted = null;
        try {
            String bootstrap = broker.brokerAddress(WAIT);
            Topics topics = Topics.standard();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 2);
            }
            Path config = dir.resolve("wirewatch.yml");
            Files.writeString(config, "kafka: { bootstrapServers: \"" + bootstrap + "\", dataDir: \""
                    + dir.resolve("data") + "\", partitions: 2 }\n"
                    + "ingest: { hostDelay: PT0S, allowPrivateNetworks: true }\nmetrics: { port: -1 }\nfeeds:\n"
                    + "  - { url: \"http://127.0.0.1:" + site.getAddress().getPort() + "/rss.xml\", "
                    + "pollInterval: PT10S }\n");
            ingest = PackagedJar.start("256m", "ingest", "--config", config.toString());
            PackagedJar ingesting = ingest;
            int inKafkaAtKill;
            try (TopicReader<Article> articles = TopicReader.of(bootstrap, topics.articles())) {
                Await.until("ingest is a quarter into its poll", WAIT, () -> pagesServed.get() >= ARTICLES / 4,
                        ingesting::tail);
                broker.process().destroyForcibly();
                assertTrue(broker.process().waitFor(30, TimeUnit.SECONDS));
                inKafkaAtKill = articles.poll().size();
            }
            int servedAtKill = pagesServed.get();
            assertTrue(servedAtKill < ARTICLES, "killed during the poll, not after: " + servedAtKill + " pages");
            restarted = startBroker();
            assertEquals(bootstrap, restarted.brokerAddress(WAIT));
            try (TopicReader<Article> articles = TopicReader.of(bootstrap, topics.articles());
                 TopicReader<String> ingested = TopicReader.of(bootstrap, topics.ingested())) {
                Await.until("every article is in Kafka and every link marked", WAIT,
                        () -> ids(articles.poll()).size() == ARTICLES && ids(ingested.poll()).size() == ARTICLES,
                        () -> ids(articles.poll()).size() + " articles\n" + ingesting.tail());
                Map<String, Integer> written = ids(articles.poll());
                assertEquals(Map.of(), repeated(written), "articles written twice");
                assertTrue(ingesting.process().isAlive(), "ingest rode out the outage without a restart");
                System.out.printf("fault: broker SIGKILL during an ingest poll: %d articles in the feed, %d in Kafka "
                        + "and %d pages fetched at the kill; lost 0, written twice 0%n", ARTICLES, inKafkaAtKill,
                        servedAtKill);
            }
        } finally {
            if (ingest != null) {
                ingest.process().toHandle().destroy();
                ingest.process().waitFor(60, TimeUnit.SECONDS);
            }
            broker.process().destroyForcibly();
            if (restarted != null) {
                restarted.process().toHandle().destroy();
                restarted.process().waitFor(60, TimeUnit.SECONDS);
            }
            site.stop(0);
        }
    }

    /** One site: an RSS feed of {@value #ARTICLES} items and their pages, each page answered after 100 ms. */
    private HttpServer site() throws IOException {
        SyntheticNews news = new SyntheticNews(7, 3000);
        List<SyntheticNews.Report> reports = java.util.stream.IntStream.range(0, ARTICLES)
                .mapToObj(i -> news.report(5, 0)).toList();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/rss.xml", exchange -> {
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                    + "<title>Slow Ledger</title><link>" + base + "/</link><description>d</description>");
            for (int i = 0; i < ARTICLES; i++) {
                rss.append("<item><title>").append(reports.get(i).headline()).append("</title><link>").append(base)
                        .append("/a/").append(i).append(".html</link><guid>").append(base).append("/a/").append(i)
                        .append("</guid></item>");
            }
            send(exchange, "application/rss+xml", rss.append("</channel></rss>").toString());
        });
        server.createContext("/a/", exchange -> {
            int i = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll("\\D", ""));
            SyntheticNews.Report r = reports.get(i);
            try {
                Thread.sleep(100); // a slow site: the poll lasts long enough to lose its broker in the middle
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pagesServed.incrementAndGet();
            StringBuilder html = new StringBuilder("<html><head><title>").append(r.headline())
                    .append("</title></head><body><article><h1>").append(r.headline()).append("</h1>");
            r.paragraphs().forEach(p -> html.append("<p>").append(p).append("</p>"));
            send(exchange, "text/html; charset=utf-8", html.append("</article></body></html>").toString());
        });
        server.createContext("/robots.txt", exchange -> send(exchange, "text/plain", "User-agent: *\nAllow: /\n"));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private PackagedJar startBroker() throws IOException {
        return PackagedJar.broker(dir.resolve("broker"), 2);
    }


    private static <V> Map<String, Integer> ids(List<ConsumerRecord<String, V>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> repeated(Map<String, Integer> counts) {
        Map<String, Integer> out = new HashMap<>();
        counts.forEach((k, n) -> {
            if (n > 1) {
                out.put(k, n);
            }
        });
        return out;
    }
}
