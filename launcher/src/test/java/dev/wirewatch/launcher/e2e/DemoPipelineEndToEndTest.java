package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.demo.DemoConfig;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.demo.DemoFeedServer;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real embedded KRaft broker and the demo feed server: the exact alerts the demo corpus
 * must produce, and a poison record on the way that is dead-lettered without stopping anything.
 */
class DemoPipelineEndToEndTest {

    /**
     * Topic → the real stories alerted (a text's name without -report, -edited or -rewrite). Republications of a
     * text are exact copies and an edited copy is a near-copy of its report; the "analysis" rewrites paraphrase
     * nearly every sentence and join their report's story through the embedding signal (BENCHMARKS.md), so each
     * story alerts once per topic whichever of its articles arrived first. The C-130 rewrite also mentions ruble
     * payments, so ruble-payments alerts for the C-130 story as well; near misses (Su-30, a rouble slide, highway
     * C-1300) and unrelated news alert nothing.
     */
    static final Map<String, Set<String>> EXPECTED = Map.of(
            "su-35", Set.of("su35"),
            "c-130", Set.of("c130"),
            "ruble-payments", Set.of("ruble", "c130"));

    @TempDir
    Path dataDir;

    @Test
    void demoCorpusYieldsExactlyTheExpectedAlertsAndAPoisonRecordIsDeadLettered() throws Exception {
        DemoCorpus corpus = DemoCorpus.load();
        try (DemoFeedServer server = DemoFeedServer.start(corpus)) {
            WirewatchConfig config = DemoConfig.load(server.baseUrl(), dataDir)
                    .withMetrics(new MetricsSettings(-1, null))
                    .withDesk(DeskSettings.defaults().withPort(0));
            Pipeline.Summary summary;
            List<DeadLetter> letters;
            try (Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class),
                    new SimpleMeterRegistry(), Clock.systemUTC())) {
                producePoison(pipeline.bootstrapServers());
                summary = pipeline.runOnce();
                letters = KafkaTopics.deadLetters(pipeline.bootstrapServers(), 1);
            }
            assertEquals(6, summary.feedsPolled());
            assertEquals(0, summary.feedsFailed());
            assertEquals(corpus.entries().size(), summary.articles());
            assertEquals(15, summary.duplicatesDropped(), "9 exact republications, 3 edited copies, 3 near misses "
                    + "republished");
            assertEquals(4, summary.mentions());
            assertEquals(4, summary.alertsDelivered());

            assertEquals(1, letters.size());
            assertEquals("poison", letters.get(0).key());
            assertEquals("<html>not an article</html>", letters.get(0).payloadText());

            assertEquals(EXPECTED, alertedStories(dataDir.resolve("alerts.jsonl"), corpus));
        }
    }

    /** Reads alerts.jsonl and maps every alert back to the real story of the corpus text its URL serves. */
    static Map<String, Set<String>> alertedStories(Path alerts, DemoCorpus corpus) throws Exception {
        Map<String, Set<String>> alerted = new TreeMap<>();
        Set<String> topicStories = new TreeSet<>();
        for (String line : Files.readAllLines(alerts, StandardCharsets.UTF_8)) {
            JsonNode alert = Json.mapper().readTree(line);
            for (String field : List.of("topic", "topicName", "storyId", "url", "title", "source", "snippet",
                    "publishedAt", "detectedAt")) {
                assertTrue(alert.hasNonNull(field), field + " missing in " + line);
            }
            assertTrue(topicStories.add(alert.get("topic").asText() + "/" + alert.get("storyId").asText()),
                    "(topic, story) alerted twice: " + line);
            String path = URI.create(alert.get("url").asText()).getPath();
            String story = corpus.entryAt(path).orElseThrow().text().replaceAll("-(report|edited|rewrite)", "");
            assertTrue(alerted.computeIfAbsent(alert.get("topic").asText(), t -> new TreeSet<>()).add(story),
                    "one real story alerted twice for one topic: " + line);
        }
        return alerted;
    }

    private static void producePoison(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.standard().articles().name(), "poison",
                    "<html>not an article</html>")).get();
        }
    }
}
