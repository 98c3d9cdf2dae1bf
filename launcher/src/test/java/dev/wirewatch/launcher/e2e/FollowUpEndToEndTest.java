package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.alerts.AlertService;
import dev.wirewatch.alerts.Sinks;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.config.QuietHours;
import dev.wirewatch.config.SinkSettings;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story that grows after its alert, on a real broker, to a local stand-in for Slack's Web API: the first alert is
 * posted with the bot token, each follow-up ("now on N sites") goes into its thread once, across a restart of the
 * alert service, and a bad token is refused for good.
 */
class FollowUpEndToEndTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private Topics topics;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 1, Duration.ofSeconds(60));
    }

    @org.junit.jupiter.api.BeforeEach
    void ownTopics(org.junit.jupiter.api.TestInfo test) {
        topics = Topics.withPrefix("fu" + test.getTestMethod().orElseThrow().getName().length() + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 2);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** chat.postMessage as Slack answers it: every posted message gets a ts; the wrong token is not authed. */
    private static HttpServer slackApi(List<JsonNode> posted) throws IOException {
        AtomicInteger ts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat.postMessage", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer;
            if (!"Bearer xoxb-right".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = "{\"ok\":false,\"error\":\"invalid_auth\"}";
            } else {
                ObjectNodeHolder.add(posted, body);
                answer = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1764576000." + ts.incrementAndGet() + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static final class ObjectNodeHolder {
        static void add(List<JsonNode> posted, String body) {
            try {
                posted.add(Json.mapper().readTree(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static SinkSettings.Slack bot(String id, HttpServer api, String token) {
        return new SinkSettings.Slack(id, null, null, null, null, null, null, 3, Duration.ofMillis(10),
                Duration.ofMillis(50), null, null, null, new SinkSettings.FollowUp(List.of(3, 5)), token, "C1",
                "http://127.0.0.1:" + api.getAddress().getPort() + "/api/chat.postMessage");
    }

    private AlertService service(SinkSettings.Slack settings) {
        AlertService service = new AlertService(kafka.bootstrapServers(), topics,
                Sinks.from(List.of(settings), Clock.systemUTC()), new SimpleMeterRegistry(), Clock.systemUTC(), false,
                Sleeper.SYSTEM);
        service.start();
        return service;
    }

    private void publish(String story, Mention mention, String... sites) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String site : sites) {
                String id = story + "-" + site;
                StoryAssignment a = new StoryAssignment(1, id, story, null, 0.5, "joined-story", Instant.now(),
                        "https://" + site + "/" + id, "t", site, null);
                producer.send(new ProducerRecord<>(topics.storyAssignments().name(), id,
                        topics.storyAssignments().valueSerde().serializer().serialize("", a)));
            }
            if (mention != null) {
                producer.send(new ProducerRecord<>(topics.mentions().name(), mention.key(),
                        topics.mentions().valueSerde().serializer().serialize("", mention)));
            }
        }
    }

    private static Mention mention(String topic, String story) {
        return new Mention(1, topic, topic.toUpperCase(), story, story + "-wire.example", "https://wire.example/"
                + story, "Jets for " + story, "wire.example", "the **" + topic + "** order", List.of(topic),
                Instant.now().minusSeconds(600), Instant.now(), false);
    }

    @Test
    void aGrowingStorySendsEachFollowUpOnceInTheFirstMessagesThreadAcrossARestart() throws Exception {
        List<JsonNode> posted = new CopyOnWriteArrayList<>();
        HttpServer api = slackApi(posted);
        try {
            publish("w0", mention("c-130", "w0"), "other.example"); // another story, read first
            try (AlertService service = service(bot("slack-bot", api, "xoxb-right"))) {
                publish("g1", mention("su-35", "g1"), "wire.example", "daily.example");
                Await.until("both first alerts", Duration.ofSeconds(60), () -> count(posted, "Jets for g1") == 1
                        && count(posted, "Jets for w0") == 1, posted::toString);
                publish("g1", null, "copy.example");
                Await.until("the follow-up at 3 sites", Duration.ofSeconds(60),
                        () -> count(posted, "Now on *3 sites*") == 1, posted::toString);
            }
            try (AlertService restarted = service(bot("slack-bot", api, "xoxb-right"))) {
                publish("g1", null, "four.example", "five.example");
                Await.until("the follow-up at 5 sites", Duration.ofSeconds(60),
                        () -> count(posted, "Now on *5 sites*") == 1, posted::toString);
                publish("g1", null, "six.example");
                publish("g2", mention("su-35", "g2"), "wire.example");
                Await.until("the next story's alert", Duration.ofSeconds(60), () -> count(posted, "Jets for g2") == 1,
                        posted::toString);
            }
        } finally {
            api.stop(0);
        }
        assertEquals(5, posted.size(), "two first alerts, two follow-ups, one more alert: nothing twice " + posted);
        String firstTs = null;
        for (int i = 0; i < posted.size(); i++) {
            if (posted.get(i).toString().contains("Jets for g1") && posted.get(i).get("thread_ts") == null) {
                firstTs = "1764576000." + (i + 1);
            }
        }
        for (JsonNode message : posted) {
            assertEquals("C1", message.get("channel").asText());
            if (message.toString().contains("Now on")) {
                assertEquals(firstTs, message.get("thread_ts").asText(), "in the first message's thread");
            }
        }
    }

    @Test
    void anUrgentTopicsFollowUpPassesQuietHoursAsItsFirstAlertDid() throws Exception {
        List<JsonNode> posted = new CopyOnWriteArrayList<>();
        HttpServer api = slackApi(posted);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        SinkSettings.Slack quiet = bot("slack-quiet", api, "xoxb-right");
        quiet = new SinkSettings.Slack(quiet.id(), null, null, null, null, null, null, 3, Duration.ofMillis(10),
                Duration.ofMillis(50), "UTC", new QuietHours(now.minusHours(2).format(hhmm),
                now.plusHours(2).format(hhmm), "UTC"), null, quiet.followUp(), quiet.botToken(), quiet.channel(),
                quiet.apiUrl());
        Mention base = mention("su-35", "u1");
        Mention urgent = new Mention(1, base.topicId(), base.topicName(), base.storyId(), base.articleId(),
                base.url(), base.title(), base.source(), base.snippet(), base.matchedTerms(), base.publishedAt(),
                base.detectedAt(), false, List.of(), true);
        try (AlertService service = service(quiet)) {
            publish("u1", urgent, "wire.example", "daily.example");
            Await.until("the urgent alert, in quiet hours", Duration.ofSeconds(60),
                    () -> count(posted, "Jets for u1") == 1, posted::toString);
            publish("u1", null, "copy.example");
            Await.until("its follow-up, in quiet hours too", Duration.ofSeconds(60),
                    () -> count(posted, "Now on *3 sites*") == 1, posted::toString);
        } finally {
            api.stop(0);
        }
    }

    private static long count(List<JsonNode> posted, String text) {
        return posted.stream().filter(m -> m.toString().contains(text)).count();
    }

    @Test
    void aBadBotTokenIsRefusedForGoodAndDeadLettered() throws Exception {
        List<JsonNode> posted = new CopyOnWriteArrayList<>();
        HttpServer api = slackApi(posted);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AlertService service = new AlertService(kafka.bootstrapServers(), topics,
                Sinks.from(List.of(bot("slack-wrong", api, "xoxb-wrong")), Clock.systemUTC()), registry,
                Clock.systemUTC(), false, Sleeper.SYSTEM)) {
            service.start();
            publish("w1", mention("c-130", "w1"), "wire.example");
            Await.until("the alert was dead-lettered at once", Duration.ofSeconds(60), () -> registry
                    .find("wirewatch.alerts.dead.lettered").tag("sink", "slack-wrong").counter().count() >= 1, () -> "");
            assertEquals(0.0, registry.find("wirewatch.alerts.retried").tag("sink", "slack-wrong").counter().count(),
                    "invalid_auth is not retried");
        } finally {
            api.stop(0);
        }
        assertTrue(posted.isEmpty());
    }
}
