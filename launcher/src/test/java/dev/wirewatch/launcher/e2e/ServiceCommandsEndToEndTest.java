package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.cli.ExitCodes;
import dev.wirewatch.launcher.cli.WirewatchCommand;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.demo.DemoFeedServer;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.model.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The single-service commands and {@code run}, as an operator calls them, on two demo sites (10 articles: the
 * Su-35, C-130 and ruble stories each published on both, plus four unrelated ones).
 */
class ServiceCommandsEndToEndTest {

    private static final Set<String> ALL_TOPICS = Set.of("su-35", "c-130", "ruble-payments");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int wirewatch(String... args) {
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path config(String demoUrl, String bootstrap) throws Exception {
        Path file = dir.resolve("wirewatch.yml");
        Files.writeString(file, """
                kafka: { bootstrapServers: "%s", dataDir: "%s", partitions: 2 }
                feeds:
                  - { url: "%s/hanoi-herald/rss.xml" }
                  - { url: "%s/mekong-wire/atom.xml" }
                ingest: { allowPrivateNetworks: true, hostDelay: PT0S }
                topics:
                  - { id: su-35, query: '"Su-35"' }
                  - { id: c-130, query: '"C-130"' }
                  - { id: ruble-payments, query: '"ruble payments" OR "paid in rubles"' }
                alerts: { sinks: [ { type: file, path: "%s" } ] }
                metrics: { port: -1 }
                desk: { port: 0 }
                """.formatted(bootstrap, dir.resolve("data"), demoUrl, demoUrl, dir.resolve("alerts.jsonl")));
        return file;
    }

    private Set<String> alertedTopics() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("alerts.jsonl"));
        assertEquals(3, lines.size(), String.join("\n", lines));
        return lines.stream().map(l -> {
            try {
                return Json.mapper().readTree(l).get("topic").asText();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).collect(Collectors.toSet());
    }

    @Test
    void eachServiceRunsAloneAgainstAnExternalBrokerAndPoisonMentionsAreDeadLettered() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(DemoCorpus.load());
             EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("external"), 2, Duration.ofSeconds(60))) {
            Path config = config(server.baseUrl(), kafka.bootstrapServers());

            assertEquals(ExitCodes.OK, wirewatch("ingest", "--config", config.toString(), "--once"), err.toString());
            assertTrue(out.toString().contains("articles 10"), out.toString());
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, wirewatch("ingest", "--config", config.toString(), "--once"), err.toString());
            assertTrue(out.toString().contains("articles 0"), "a new ingest process remembers, from Kafka, what "
                    + "was ingested: " + out);
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, wirewatch("feeds", "status", "--config", config.toString()), err.toString());
            assertEquals(2, out.toString().lines().filter(l -> l.startsWith("OK ")).count(), out.toString());
            assertTrue(out.toString().contains("articles ingested 5"), out.toString());
            out.getBuffer().setLength(0);
            producePoisonMention(kafka.bootstrapServers());
            assertEquals(ExitCodes.OK, wirewatch("process", "--config", config.toString(), "--once"), err.toString());
            assertTrue(out.toString().contains("duplicates dropped 3; mentions 3"), out.toString());
            assertEquals(ExitCodes.OK, wirewatch("alert", "--config", config.toString(), "--once"), err.toString());
            assertTrue(out.toString().contains("alerts delivered 3"), out.toString());
            DeadLetter letter = KafkaTopics.deadLetters(kafka.bootstrapServers(), 1).get(0);
            assertEquals("decode-mention", letter.stage());
            assertEquals("{\"topicId\":1", letter.payloadText());

            assertEquals(ALL_TOPICS, alertedTopics());
            assertFalse(Files.exists(dir.resolve("data").resolve("kafka")), "no embedded broker was started");
        }
    }

    @Test
    void runOnceStartsItsOwnBrokerWhenNoneIsConfigured() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(DemoCorpus.load())) {
            assertEquals(ExitCodes.OK, wirewatch("run", "--config", config(server.baseUrl(), "").toString(),
                    "--once"), err.toString());
        }
        assertTrue(out.toString().contains("articles 10; duplicates dropped 3; mentions 3; alerts delivered 3"),
                out.toString());
        assertEquals(ALL_TOPICS, alertedTopics());
        assertTrue(Files.exists(dir.resolve("data").resolve("kafka").resolve("meta.properties")));
    }

    @Test
    void runOnceWithASlackSinkPostsOneMessagePerStoryAndTopic() throws Exception {
        List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer slack = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
        try (DemoFeedServer server = DemoFeedServer.start(DemoCorpus.load())) {
            Path config = config(server.baseUrl(), "");
            Files.writeString(config, Files.readString(config).replaceFirst("alerts: .*\n",
                    "alerts: { sinks: [ { type: slack, webhookUrl: \"http://127.0.0.1:" + slack.getAddress().getPort()
                            + "/services/T/B/x\" } ] }\n"));
            assertEquals(ExitCodes.OK, wirewatch("run", "--config", config.toString(), "--once"), err.toString());
        } finally {
            slack.stop(0);
        }
        assertTrue(out.toString().contains("mentions 3; alerts delivered 3"), out.toString());
        assertEquals(3, posted.size(), String.join("\n", posted));
        Set<String> headers = posted.stream().map(body -> {
            try {
                return Json.mapper().readTree(body).get("blocks").get(0).get("text").get("text").asText();
            } catch (Exception e) {
                throw new AssertionError(body, e);
            }
        }).collect(Collectors.toSet());
        assertEquals(Set.of("su-35", "c-130", "ruble-payments"), headers);
    }

    @Test
    void singleServiceWithoutAConfiguredBrokerIsAConfigError() throws Exception {
        assertEquals(ExitCodes.BAD_CONFIG, wirewatch("process", "--config", config("http://x", "").toString()));
        assertTrue(err.toString().contains("kafka.bootstrapServers is empty"), err.toString());
    }

    @Test
    void ingestOnceToJsonLinesNeedsNoBroker() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(DemoCorpus.load())) {
            assertEquals(ExitCodes.OK, wirewatch("ingest", "--once", "--output", "jsonl", "--config",
                    config(server.baseUrl(), "").toString()), err.toString());
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(10, lines.size(), out.toString());
        for (String line : lines) {
            JsonNode json = Json.mapper().readTree(line);
            for (String field : List.of("id", "url", "canonicalUrl", "title", "text", "source", "feedUrl",
                    "publishedAt", "fetchedAt", "contentHash")) {
                assertTrue(json.hasNonNull(field), field + " in " + line);
            }
            Article article = Json.mapper().treeToValue(json, Article.class);
            assertEquals(Article.idFor(article.canonicalUrl()), article.id());
        }
        assertTrue(err.toString().contains("2 feeds polled, 0 failed, 10 articles"), err.toString());
    }

    private static void producePoisonMention(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.standard().mentions().name(), "x/y", "{\"topicId\":1")).get();
        }
    }
}
