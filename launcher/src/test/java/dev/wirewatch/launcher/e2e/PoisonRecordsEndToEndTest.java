package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.demo.DemoConfig;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.demo.DemoFeedServer;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poison record on every input topic — {@code articles}, {@code topics}, {@code feeds}, {@code mentions} — is
 * dead-lettered with its bytes and the reason, and the demo still delivers exactly its alerts. (The poisoned
 * mention is dead-lettered once per sink that read it.)
 */
class PoisonRecordsEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void aPoisonRecordOnEveryInputTopicIsDeadLetteredAndTheDemoStillAlertsAsItShould() throws Exception {
        DemoCorpus corpus = DemoCorpus.load();
        try (DemoFeedServer server = DemoFeedServer.start(corpus)) {
            WirewatchConfig config = DemoConfig.load(server.baseUrl(), dataDir)
                    .withMetrics(new MetricsSettings(-1, null)).withDesk(DeskSettings.defaults().withPort(-1));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class), registry,
                    Clock.systemUTC())) {
                Topics topics = Topics.standard();
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new StringSerializer())) {
                    for (String topic : List.of(topics.articles().name(), topics.topicDefinitions().name(),
                            topics.feeds().name(), topics.mentions().name())) {
                        producer.send(new ProducerRecord<>(topic, "poison-" + topic, "{not json at all")).get();
                    }
                }
                Pipeline.Summary summary = pipeline.runOnce();
                assertEquals(4, summary.alertsDelivered(), "the poison changed nothing else");
                pipeline.run(); // ingest now follows the feeds topic (a --once run polls the configured feeds)
                List<DeadLetter> letters = KafkaTopics.deadLetters(pipeline.bootstrapServers(), 5);
                Map<String, DeadLetter> bySource = new TreeMap<>();
                letters.forEach(l -> bySource.putIfAbsent(l.sourceTopic(), l));
                assertEquals(Set.of("articles", "topics", "feeds", "mentions"), bySource.keySet(),
                        letters.stream().map(DeadLetter::sourceTopic).collect(Collectors.toList()).toString());
                for (String stage : List.of("processing", "ingest")) {
                    double counted = registry.find("wirewatch.dead.letters").tag("stage", stage).counters().stream()
                            .mapToDouble(c -> c.count()).sum();
                    assertTrue(counted >= 1, stage + " dead letters counted: " + counted);
                }
                for (DeadLetter letter : bySource.values()) {
                    assertEquals("{not json at all", letter.payloadText(), letter.toString());
                    assertEquals("poison-" + letter.sourceTopic(), letter.key());
                    assertTrue(!letter.error().isBlank() && !letter.stage().isBlank(), letter.toString());
                }
            }
        }
    }
}
