package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirewatch desk --config FILE} as its own process against a running Kafka: it serves the API with a token
 * from the environment, shows a topic another tool published, publishes an editor's topic, and stops on SIGTERM.
 */
class DeskServiceIT {

    private static final Pattern DESK = Pattern.compile("desk at (http://\\S+/)");
    private static final String TOKEN = "an-api-token-for-the-desk-it";

    @TempDir
    Path dir;

    @Test
    void theDeskAloneServesTheApiOverTheTopicsOfARunningKafka() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 1, Duration.ofSeconds(60))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(Topics.standard().all(), 1);
            }
            TopicPublisher.publish(kafka.bootstrapServers(), Topics.standard().topicDefinitions(),
                    List.of(new TrackedTopic("rice", "Rice", "rice NEAR/3 harvest*", null)));
            Path config = dir.resolve("desk.yml");
            Files.writeString(config, "kafka: { bootstrapServers: \"" + kafka.bootstrapServers() + "\", dataDir: \""
                    + dir.resolve("data") + "\" }\nmetrics: { port: -1 }\n"
                    + "desk: { port: 0, apiTokens: [{ name: it, role: editor, token: \"${DESK_TOKEN}\" }] }\n");
            ProcessBuilder builder = PackagedJar.builder("256m", "desk", "--config", config.toString());
            builder.environment().put("DESK_TOKEN", TOKEN);
            PackagedJar desk = PackagedJar.start(builder);
            try {
                String[] url = new String[1];
                Await.until("the desk prints its address", Duration.ofSeconds(90), () -> {
                    for (String line : desk.output()) {
                        Matcher m = DESK.matcher(line);
                        if (m.find()) {
                            url[0] = m.group(1);
                            return true;
                        }
                    }
                    return false;
                }, () -> String.join("\n", desk.output()));
                assertTrue(desk.output().stream().noneMatch(l -> l.contains(TOKEN)), "the token is never printed");
                HttpClient http = HttpClient.newHttpClient();
                Await.until("the desk shows the published topic", Duration.ofSeconds(30),
                        () -> get(http, url[0] + "api/v1/topics").contains("\"rice\""),
                        () -> get(http, url[0] + "api/v1/topics"));
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url[0] + "api/v1/topics/kilo"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"query\":\"submarine\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, put.statusCode(), put.body());
                String[] published = new String[1];
                TopicReader.readToEnd(kafka.bootstrapServers(),
                        Topics.standard().topicDefinitions(), (id, t) -> {
                            if ("kilo".equals(id) && t != null) {
                                published[0] = ((TopicDefinition) t).query();
                            }
                        });
                assertEquals("submarine", published[0], "the editor's topic is on the topics topic");
            } finally {
                desk.process().toHandle().destroy();
            }
            assertTrue(desk.process().waitFor(30, TimeUnit.SECONDS), String.join("\n", desk.output()));
        }
    }

    private static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
