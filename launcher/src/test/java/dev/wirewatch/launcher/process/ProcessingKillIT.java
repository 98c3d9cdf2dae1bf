package dev.wirewatch.launcher.process;

import static dev.wirewatch.launcher.process.FaultSinks.count;
import static dev.wirewatch.launcher.process.FaultSinks.delivered;
import static dev.wirewatch.launcher.process.FaultSinks.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar processes and alerts a few thousand articles (2,400 reports and 800 mirror copies); in the middle it is killed (SIGKILL: no commit,
 * no goodbye) and started again on the same data directory. Processing decides every article once and mentions
 * every (topic, story) once; each sink receives every one of them.
 */
class ProcessingKillIT {

    private static final int STORIES = 2400;
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private int inFlight;
    private double recoverySeconds;

    @Test
    void aKilledProcessRestartsWithNothingLostAndNothingMentionedTwice() throws Exception {
        List<Article> corpus = SyntheticStream.withCopies(18, STORIES);
        Topics topics = Topics.standard();
        FaultSinks sinks = FaultSinks.start(dir);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 4, Duration.ofSeconds(60));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     kafka.bootstrapServers()));
             TopicReader<StoryAssignment> assignments =
                     TopicReader.of(kafka.bootstrapServers(), topics.storyAssignments());
             TopicReader<Mention> mentions = TopicReader.of(kafka.bootstrapServers(), topics.mentions())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 4);
            TopicPublisher.publish(kafka.bootstrapServers(), topics.topicDefinitions(), DefaultTopics.load());
            Path config = sinks.config(kafka.bootstrapServers());
            PackagedJar first = PackagedJar.start("768m", "run", "--config", config.toString());
            PackagedJar second = null;
            try {
                SyntheticStream.produce(kafka.bootstrapServers(), topics, corpus);
                Await.until("a quarter of the articles are decided", WAIT,
                        () -> assignments.poll().size() >= corpus.size() / 4, first::tail);
                first.process().destroyForcibly(); // SIGKILL mid-stream
                assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
                int decidedAtKill = assignments.poll().size();
                assertTrue(decidedAtKill < corpus.size(), "killed mid-stream, not after");
                inFlight = corpus.size() - decidedAtKill;

                long restartedAt = System.nanoTime();
                second = PackagedJar.start("768m", "run", "--config", config.toString());
                PackagedJar restarted = second;
                Set<String> ids = corpus.stream().map(Article::id).collect(Collectors.toSet());
                Await.until("every article is decided", WAIT, () -> assignments.poll().stream()
                        .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
                        restarted::tail);
                recoverySeconds = (System.nanoTime() - restartedAt) / 1e9;
                Set<String> mentioned = keys(mentions.poll());
                Await.until("each sink delivered every mention", WAIT,
                        () -> delivered(sinks.webhook()).keySet().containsAll(mentioned)
                                && delivered(sinks.fileLines()).keySet().containsAll(mentioned),
                        () -> mentioned.size() + " mentions, webhook " + delivered(sinks.webhook()).size()
                                + ", file " + delivered(sinks.fileLines()).size() + "\n" + restarted.tail());
            } finally {
                first.process().destroyForcibly();
                if (second != null) {
                    second.process().toHandle().destroy();
                    second.process().waitFor(60, TimeUnit.SECONDS);
                }
                sinks.close();
            }

            assertEquals(Map.of(), SyntheticStream.repeated(count(assignments.poll())), "articles decided twice");
            Map<String, Integer> mentionCounts = count(mentions.poll());
            assertTrue(mentionCounts.size() > STORIES / 8, "tracked phrases mentioned: " + mentionCounts.size());
            assertEquals(Map.of(), SyntheticStream.repeated(mentionCounts), "(topic, story) mentioned twice by processing");
            List<String> webhook = sinks.webhook();
            List<String> fileLines = sinks.fileLines();
            for (Map.Entry<String, List<String>> sink : Map.of("webhook", webhook, "file", fileLines).entrySet()) {
                Map<String, Integer> got = delivered(sink.getValue());
                assertEquals(mentionCounts.keySet(), got.keySet(), sink.getKey() + ": exactly the mentions");
                // A batch sent just before the kill but not yet in the ledger is sent again after it; nothing else
                // may repeat.
                assertTrue(SyntheticStream.repeated(got).size() <= 10, sink.getKey() + " repeated " + SyntheticStream.repeated(got));
            }
            // ... and a webhook receiver drops that resend by its delivery id: then nothing repeats at all.
            Map<String, Integer> byDeliveryId = new HashMap<>();
            for (String alert : webhook) {
                byDeliveryId.merge(Json.mapper().readTree(alert).path("deliveryId").asText(), 1, Integer::sum);
            }
            assertEquals(mentionCounts.size(), byDeliveryId.size(), "one delivery id per (topic, story)");
            System.out.printf("fault: SIGKILL of 'run' mid-stream: %d articles, %d in flight at the kill; lost 0, "
                            + "decided twice 0, mentioned twice 0; %d mentions; webhook %d alerts received (%d resent, dropped "
                            + "by delivery id), file %d lines (%d resent); restart to all decided %.1f s%n",
                    corpus.size(), inFlight, mentionCounts.size(), webhook.size(),
                    webhook.size() - byDeliveryId.size(), fileLines.size(),
                    fileLines.size() - mentionCounts.size(), recoverySeconds);
        }
    }
}
