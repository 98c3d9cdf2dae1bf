package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.SyntheticStream;
import dev.wirewatch.launcher.support.TopicReader;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.match.DefaultTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker dies mid-stream: {@code wirewatch broker} runs in its own JVM, {@code wirewatch run} in another
 * processes and alerts a few thousand articles; in the middle the broker is killed (SIGKILL) and started again on
 * its data directory (same address). The pipeline resumes by itself: every article decided once, every (topic,
 * story) mentioned once, and each sink receives every one of them.
 */
class BrokerKillIT {

    private static final int STORIES = 1600;
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final Pattern ADDRESS = Pattern.compile("kafka at (127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    private final List<String> webhook = new CopyOnWriteArrayList<>();

    @Test
    void aBrokerKilledAndRestartedMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        List<Article> corpus = SyntheticStream.withCopies(21, STORIES);
        Topics topics = Topics.standard();
        HttpServer receiver = receiver();
        PackagedJar broker = startBroker();
        PackagedJar run = null;
        PackagedJar restartedBroker = null;
        try {
            String bootstrap = address(broker);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 4);
            }
            TopicPublisher.publish(bootstrap, topics.topicDefinitions(), DefaultTopics.load());
            Path config = config(bootstrap, receiver.getAddress().getPort());
            run = PackagedJar.start("768m", "run", "--config", config.toString());
            PackagedJar pipeline = run;
            SyntheticStream.produce(bootstrap, topics, corpus);
            int decidedAtKill;
            try (TopicReader<StoryAssignment> assignments = TopicReader.of(bootstrap, topics.storyAssignments())) {
                Await.until("a quarter of the articles are decided", WAIT,
                        () -> assignments.poll().size() >= corpus.size() / 4, () -> tail(pipeline.output()));
                broker.process().destroyForcibly(); // SIGKILL: the only broker is gone mid-stream
                assertTrue(broker.process().waitFor(30, TimeUnit.SECONDS));
                decidedAtKill = assignments.poll().size();
            }
            assertTrue(decidedAtKill < corpus.size(), "killed mid-stream, not after");
            long down = System.nanoTime();
            restartedBroker = startBroker();
            assertEquals(bootstrap, address(restartedBroker), "the same address after the restart");
            double brokerBack = (System.nanoTime() - down) / 1e9;

            long restartedAt = System.nanoTime();
            try (TopicReader<StoryAssignment> assignments = TopicReader.of(bootstrap, topics.storyAssignments());
                 TopicReader<Mention> mentions = TopicReader.of(bootstrap, topics.mentions())) {
                Set<String> ids = corpus.stream().map(Article::id).collect(Collectors.toSet());
                Await.until("every article is decided", WAIT, () -> assignments.poll().stream()
                        .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
                        () -> tail(pipeline.output()));
                double recoverySeconds = (System.nanoTime() - restartedAt) / 1e9;
                Set<String> mentioned = keys(mentions.poll());
                Await.until("each sink delivered every mention", WAIT,
                        () -> delivered(webhook).keySet().containsAll(mentioned)
                                && delivered(fileLines()).keySet().containsAll(mentioned),
                        () -> mentioned.size() + " mentions, webhook " + delivered(webhook).size() + ", file "
                                + delivered(fileLines()).size() + "\n" + tail(pipeline.output()));
                assertTrue(pipeline.process().isAlive(), "the pipeline rode out the outage without a restart");

                assertEquals(Map.of(), SyntheticStream.repeated(count(assignments.poll())), "articles decided twice");
                Map<String, Integer> mentionCounts = count(mentions.poll());
                assertTrue(mentionCounts.size() > STORIES / 8, "tracked phrases mentioned: " + mentionCounts.size());
                assertEquals(Map.of(), SyntheticStream.repeated(mentionCounts),
                        "(topic, story) mentioned twice by processing");
                Map<String, Integer> byDeliveryId = new HashMap<>();
                for (String alert : webhook) {
                    byDeliveryId.merge(Json.mapper().readTree(alert).path("deliveryId").asText(), 1, Integer::sum);
                }
                assertEquals(mentionCounts.keySet(), delivered(webhook).keySet(), "webhook: exactly the mentions");
                assertEquals(mentionCounts.keySet(), delivered(fileLines()).keySet(), "file: exactly the mentions");
                assertEquals(mentionCounts.size(), byDeliveryId.size(), "one delivery id per (topic, story)");
                System.out.printf("fault: broker SIGKILL mid-stream, restarted on its data: %d articles, %d in flight "
                                + "at the kill; lost 0, decided twice 0, mentioned twice 0; %d mentions; webhook %d "
                                + "alerts received (%d resent), file %d lines; broker back after %.1f s, all decided "
                                + "%.1f s after that%n", corpus.size(), corpus.size() - decidedAtKill,
                        mentionCounts.size(), webhook.size(), webhook.size() - byDeliveryId.size(),
                        fileLines().size(), brokerBack, recoverySeconds);
            }
        } finally {
            if (run != null) {
                run.process().toHandle().destroy();
                run.process().waitFor(60, TimeUnit.SECONDS);
            }
            broker.process().destroyForcibly();
            if (restartedBroker != null) {
                restartedBroker.process().toHandle().destroy();
                restartedBroker.process().waitFor(60, TimeUnit.SECONDS);
            }
            receiver.stop(0);
        }
    }

    private PackagedJar startBroker() throws IOException {
        return PackagedJar.start("512m", "broker", "--data-dir", dir.resolve("broker").toString(), "--partitions",
                "4");
    }

    private static String address(PackagedJar broker) {
        String[] found = new String[1];
        Await.until("the broker prints its address", WAIT, () -> {
            for (String line : broker.output()) {
                Matcher m = ADDRESS.matcher(line);
                if (m.find()) {
                    found[0] = m.group(1);
                    return true;
                }
            }
            return !broker.process().isAlive();
        }, () -> tail(broker.output()));
        assertTrue(found[0] != null, "the broker did not start: " + tail(broker.output()));
        return found[0];
    }

    private Path config(String bootstrap, int receiverPort) throws Exception {
        Path config = dir.resolve("wirewatch.yml");
        Files.writeString(config, "kafka: { bootstrapServers: \"" + bootstrap + "\", dataDir: \"" + dir.resolve("data")
                + "\", partitions: 4 }\n"
                + "alerts:\n  sinks:\n"
                + "    - { type: file, path: \"" + dir.resolve("alerts.jsonl") + "\" }\n"
                + "    - { type: webhook, url: \"http://127.0.0.1:" + receiverPort + "/hook\" }\n"
                + "metrics: { port: -1 }\ndesk: { port: 0 }\n");
        return config;
    }

    private HttpServer receiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                JsonNode body = Json.mapper().readTree(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                body.path("alerts").forEach(a -> webhook.add(a.toString()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        return server;
    }

    private List<String> fileLines() {
        try {
            Path file = dir.resolve("alerts.jsonl");
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (topic/story) → how often an alert for it arrived. */
    private static Map<String, Integer> delivered(List<String> alerts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : alerts) {
            try {
                JsonNode a = Json.mapper().readTree(line);
                counts.merge(a.path("topic").asText() + "/" + a.path("storyId").asText(), 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return counts;
    }

    private static <V> Map<String, Integer> count(List<ConsumerRecord<String, V>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    private static <V> Set<String> keys(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static String tail(List<String> output) {
        return String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()));
    }
}
