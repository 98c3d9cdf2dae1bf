package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.alerts.AlertService;
import dev.wirewatch.alerts.Sinks;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.SinkSettings;
import dev.wirewatch.desk.Desk;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.cli.ExitCodes;
import dev.wirewatch.launcher.cli.WirewatchCommand;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Mutes set with {@code wirewatch alerts mute} on a real broker, applied by a running alert service with two file
 * sinks: what a mute covers is recorded as muted and not sent (and the desk shows it), what it does not cover is sent,
 * a mute set before a restart holds after it, and {@code unmute --replay} sends what was held back once per sink.
 */
class MuteEndToEndTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static final Topics TOPICS = Topics.standard(); // the CLI writes the standard topics

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 1, Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TOPICS.all(), 2);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "alerts";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--bootstrap-servers";
        all[args.length + 2] = kafka.bootstrapServers();
        return cli.execute(all);
    }

    private static Mention mention(String topic, String story, String source) {
        return new Mention(1, topic, topic.toUpperCase(), story, "a-" + story, "https://news.example/" + story,
                "Story " + story, source, "the " + topic + " order", List.of(topic), Instant.now().minusSeconds(600),
                Instant.now().minusSeconds(60), false);
    }

    private static void produce(Mention... mentions) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, Mention> producer = new KafkaProducer<>(p, new StringSerializer(),
                TOPICS.mentions().valueSerde().serializer())) {
            for (Mention m : mentions) {
                producer.send(new ProducerRecord<>(TOPICS.mentions().name(), m.key(), m));
            }
        }
    }

    private static AlertService service(Path a, Path b) {
        return service(a, b, new SimpleMeterRegistry());
    }

    private static AlertService service(Path a, Path b, SimpleMeterRegistry registry) {
        List<SinkSettings> sinks = List.of(new SinkSettings.File("file-a", null, a.toString()),
                new SinkSettings.File("file-b", null, b.toString()));
        AlertService service = new AlertService(kafka.bootstrapServers(), TOPICS, Sinks.from(sinks, Clock.systemUTC()),
                registry, Clock.systemUTC(), false, Sleeper.SYSTEM);
        service.start();
        return service;
    }

    private static List<String> stories(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                    .map(l -> l.replaceAll(".*\"storyId\":\"([^\"]+)\".*", "$1")).sorted().toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String DESK_TOKEN = "desk-token-0123456789";

    private static String deskGet(Desk desk, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + desk.port() + path)).header("Authorization", "Bearer " + DESK_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The replay headers on the mentions of {@code story} written again by a replay. */
    private static List<String> replayHeaders(String story) {
        Properties c = new Properties();
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<String> found = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(c,
                             new org.apache.kafka.common.serialization.StringDeserializer(),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> parts = consumer.partitionsFor(TOPICS.mentions().name())
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    var h = r.headers().lastHeader(dev.wirewatch.alerts.mute.MuteReplayer.REPLAY_FOR);
                    if (r.key().endsWith("/" + story) && h != null) {
                        found.add(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                });
            }
        }
        return found;
    }

    private static Map<String, MutedAlert> muted() {
        Map<String, MutedAlert> held = new HashMap<>();
        TopicReader.readToEnd(kafka.bootstrapServers(), TOPICS.muted(), (key, m) -> {
            if (m == null) {
                held.remove(key);
            } else {
                held.put(key, m);
            }
        });
        return held;
    }

    @Test
    void muteHoldsBackAcrossARestartAndUnmuteWithReplaySendsWhatItHeldOncePerSink() {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        // set while nothing runs: the service must know it before it sends anything
        assertEquals(ExitCodes.OK, cli("mute", "--topic", "su-35", "--reason", "briefed already"), err.toString());
        assertEquals(ExitCodes.OK, cli("mute", "--source", "coastal ledger", "--sink", "file-b", "--for", "PT1H"),
                err.toString());
        assertEquals(ExitCodes.OK, cli("mutes"), err.toString());
        assertTrue(out.toString().contains("topic:su-35  topic su-35, every sink, until unmuted"), out.toString());
        assertTrue(out.toString().contains("source:coastal ledger@file-b  source coastal ledger, sink file-b, until 20"),
                out.toString());

        try (AlertService service = service(a, b);
             Desk desk = Desk.start(DeskSettings.defaults().withPort(0).withApiToken(
                     new DeskSettings.ApiToken("ci", "viewer", DESK_TOKEN)), KafkaConnection.plain(
                     kafka.bootstrapServers()), TOPICS, DeskView.topicRoutes(Map.of("file-a", List.of(), "file-b", List.of())),
                     dir.resolve("desk-index"), null, id -> 0, new SimpleMeterRegistry(), Clock.systemUTC())) {
            produce(mention("su-35", "s1", "Harbour Post"), mention("c-130", "s2", "Harbour Post"),
                    mention("c-130", "s3", "Coastal Ledger"));
            Await.until("both sinks settled the three mentions", Duration.ofSeconds(60),
                    () -> stories(a).size() == 2 && stories(b).size() == 1 && muted().size() == 3,
                    () -> stories(a) + " " + stories(b) + " " + muted().keySet());
            Await.until("the desk shows s1 held back for both sinks", Duration.ofSeconds(30),
                    () -> deskGet(desk, "/api/v1/stories/s1").contains("\"muteId\":\"topic:su-35\",\"topic\""),
                    () -> deskGet(desk, "/api/v1/stories/s1"));
            String mutes = deskGet(desk, "/api/v1/mutes");
            assertTrue(mutes.contains("\"id\":\"topic:su-35\"") && mutes.contains("\"held\":2"), mutes);
        }
        assertEquals(List.of("s2", "s3"), stories(a), "file-a: the topic mute holds back s1 only");
        assertEquals(List.of("s2"), stories(b), "file-b: the topic mute and its source mute hold back s1 and s3");
        Map<String, MutedAlert> held = muted();
        assertEquals("topic:su-35", held.get("file-a/su-35/s1#topic:su-35").muteId());
        assertEquals("topic:su-35", held.get("file-b/su-35/s1#topic:su-35").muteId());
        assertEquals("source:coastal ledger@file-b", held.get("file-b/c-130/s3#source:coastal ledger@file-b").muteId());

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AlertService service = service(a, b, registry)) {
            // set while running: in force once the service has read it, which its gauge shows
            assertEquals(ExitCodes.OK, cli("mute", "--story", "s4"), err.toString());
            Await.until("the service knows the new mute", Duration.ofSeconds(10),
                    () -> registry.find("wirewatch.alerts.mutes.active").gauge().value() == 3, () -> "");
            produce(mention("c-130", "s4", "Harbour Post"), mention("c-130", "s5", "Harbour Post"));
            Await.until("s5 reached both sinks and s4 was held back", Duration.ofSeconds(60),
                    () -> stories(a).contains("s5") && stories(b).contains("s5") && muted().size() == 5,
                    () -> stories(a) + " " + stories(b) + " " + muted().keySet());

            assertEquals(ExitCodes.OK, cli("unmute", "--story", "s4"), err.toString());
            assertTrue(out.toString().contains("stays unsent"), out.toString());
            assertEquals(ExitCodes.OK, cli("unmute", "--topic", "su-35", "--replay"), err.toString());
            assertTrue(out.toString().contains("2 held-back alert(s) sent"), out.toString());
            Await.until("the replayed su-35 alert reached both sinks", Duration.ofSeconds(60),
                    () -> stories(a).contains("s1") && stories(b).contains("s1"),
                    () -> stories(a) + " " + stories(b));
            assertEquals(ExitCodes.FAILED, cli("unmute", "--topic", "su-35", "--replay"), "lifted, nothing left");
            assertTrue(err.toString().contains("no mute topic:su-35 is in force and nothing held back by it"),
                    err.toString());
            assertEquals(List.of("file-a,file-b"), replayHeaders("s1"), "addressed to the sinks that held it");
            assertEquals(List.of("s1", "s2", "s3", "s5"), stories(a), "once each; s4 stays unsent without --replay");

            // lifted without --replay earlier: what it held can still be sent
            assertEquals(ExitCodes.OK, cli("unmute", "--story", "s4", "--replay"), err.toString());
            assertTrue(out.toString().contains("no longer in force: story:s4; 2 held-back alert(s) sent"),
                    out.toString());
            Await.until("s4 reached both sinks", Duration.ofSeconds(60),
                    () -> stories(a).contains("s4") && stories(b).contains("s4"), () -> stories(a) + " " + stories(b));
        }
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), stories(a), "once each");
        assertEquals(List.of("s1", "s2", "s4", "s5"), stories(b), "s3 is still muted for file-b by its source");
        assertEquals(List.of("file-b/c-130/s3#source:coastal ledger@file-b"), muted().keySet().stream().sorted().toList(),
                "the replayed alerts are no longer muted");
    }

    @Test
    void aReplayRemovesOnlyWhatItsOwnMuteHeldBack() {
        Mention m = mention("c-130", "race-1", "Harbour Post");
        Mute lifted = Mute.of(Mute.Scope.STORY, "race-1", null, null, Instant.now(), "ed", null);
        Mute other = Mute.of(Mute.Scope.SOURCE, "harbour post", null, null, Instant.now(), "ed", null);
        // sinks of their own: the replayed mention is addressed to them, so the other test's sinks ignore it
        MutedAlert byLifted = MutedAlert.of("race-a", lifted, m, Instant.now());
        MutedAlert byOther = MutedAlert.of("race-a", other, m, Instant.now()); // held again while the replay runs
        MutedAlert older = new MutedAlert(1, "race-b", lifted.id(), m, Instant.now()); // keyed as before 2026-12
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, MutedAlert> producer = new KafkaProducer<>(p, new StringSerializer(),
                TOPICS.muted().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(TOPICS.muted().name(), byLifted.key(), byLifted));
            producer.send(new ProducerRecord<>(TOPICS.muted().name(), byOther.key(), byOther));
            producer.send(new ProducerRecord<>(TOPICS.muted().name(), "race-b/c-130/race-1", older));
        }

        int replayed = new dev.wirewatch.alerts.mute.MuteReplayer(KafkaConnection.plain(kafka.bootstrapServers()),
                TOPICS).replay(lifted.id());

        assertEquals(2, replayed, "race-a's and race-b's record of the lifted mute");
        List<String> left = muted().keySet().stream().filter(k -> k.contains("race-1")).sorted().toList();
        assertEquals(List.of(byOther.key()), left, "the other mute's record stays; the old-style key went too");
        try (KafkaProducer<String, MutedAlert> producer = new KafkaProducer<>(p, new StringSerializer(),
                TOPICS.muted().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(TOPICS.muted().name(), byOther.key(), null)); // leave nothing behind
        }
    }

    @Test
    void badMuteCommandsSayWhatIsWrong() {
        assertEquals(ExitCodes.BAD_CONFIG, cli("mute", "--topic", "su-35", "--for", "4 hours"));
        assertTrue(err.toString().contains("--for: '4 hours' is not a positive ISO-8601 duration"), err.toString());
        assertEquals(2, cli("mute", "--topic", "su-35", "--story", "s1"), "one thing at a time");
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertEquals(2, cli("mute"), "nothing to mute");
    }
}
