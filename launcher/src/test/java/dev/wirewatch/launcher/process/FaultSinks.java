package dev.wirewatch.launcher.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The two sinks the process-level fault tests deliver to, a file and a local webhook receiver, with what each
 * received, and the config of a {@code wirewatch run} against a given Kafka that uses them.
 */
final class FaultSinks implements AutoCloseable {

    private final Path dir;
    private final List<String> webhook = new CopyOnWriteArrayList<>();
    private final HttpServer receiver;

    private FaultSinks(Path dir) throws IOException {
        this.dir = dir;
        this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                JsonNode body = Json.mapper().readTree(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                body.path("alerts").forEach(a -> webhook.add(a.toString()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    static FaultSinks start(Path dir) throws IOException {
        return new FaultSinks(dir);
    }

    /** A config for {@code wirewatch run} against {@code bootstrap}, delivering to both sinks. */
    Path config(String bootstrap) throws IOException {
        Path config = dir.resolve("wirewatch.yml");
        Files.writeString(config, "kafka: { bootstrapServers: \"" + bootstrap + "\", dataDir: \"" + dir.resolve("data")
                + "\", partitions: 4 }\n"
                + "alerts:\n  sinks:\n"
                + "    - { type: file, path: \"" + dir.resolve("alerts.jsonl") + "\" }\n"
                + "    - { type: webhook, url: \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\" }\n"
                + "metrics: { port: -1 }\ndesk: { port: 0 }\n");
        return config;
    }

    /** The alerts the webhook received, one JSON object each. */
    List<String> webhook() {
        return List.copyOf(webhook);
    }

    /** The lines of the file sink. */
    List<String> fileLines() {
        try {
            Path file = dir.resolve("alerts.jsonl");
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (topic/story) → how often an alert for it arrived. */
    static Map<String, Integer> delivered(List<String> alerts) {
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

    /** Key → how many records carry it. */
    static <V> Map<String, Integer> count(List<ConsumerRecord<String, V>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    static <V> Set<String> keys(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        receiver.stop(0);
    }
}
