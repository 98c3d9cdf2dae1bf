package dev.wirewatch.launcher.process;

import static dev.wirewatch.launcher.process.FaultSinks.count;
import static dev.wirewatch.launcher.process.FaultSinks.delivered;
import static dev.wirewatch.launcher.process.FaultSinks.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The broker dies mid-stream: {@code wirewatch broker} runs in its own JVM, {@code wirewatch run} in another
 * processes and alerts a few thousand articles; in the middle the broker is killed (SIGKILL) and started again on
 * its data directory (same address). The pipeline resumes by itself: every article decided once, every (topic,
 * story) mentioned once, and each sink receives every one of them.
 */
class BrokerKillIT {

    private static final int STORIES = 1600;
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir
    Path dir;


    @Test
    void aBrokerKilledAndRestartedMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        List<Article> corpus = SyntheticStream.withCopies(21, STORIES);
        Topics topics = Topics.standard();
        FaultSinks sinks = FaultSinks.start(dir);
        PackagedJar broker = startBroker();
        PackagedJar run = null;
        PackagedJar restartedBroker = null;
        try {
            String bootstrap = broker.brokerAddress(WAIT);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 4);
            }
            TopicPublisher.publish(bootstrap, topics.topicDefinitions(), DefaultTopics.load());
            Path config = sinks.config(bootstrap);
            run = PackagedJar.start("768m", "run", "--config", config.toString());
            PackagedJar pipeline = run;
            SyntheticStream.produce(bootstrap, topics, corpus);
            int decidedAtKill;
            try (TopicReader<StoryAssignment> assignments = TopicReader.of(bootstrap, topics.storyAssignments())) {
                Await.until("a quarter of the articles are decided", WAIT,
                        () -> assignments.poll().size() >= corpus.size() / 4, pipeline::tail);
                broker.process().destroyForcibly(); // SIGKILL: the only broker is gone mid-stream
                assertTrue(broker.process().waitFor(30, TimeUnit.SECONDS));
                decidedAtKill = assignments.poll().size();
            }
            assertTrue(decidedAtKill < corpus.size(), "killed mid-stream, not after");
            long down = System.nanoTime();
            restartedBroker = startBroker();
            assertEquals(bootstrap, restartedBroker.brokerAddress(WAIT), "the same address after the restart");
            double brokerBack = (System.nanoTime() - down) / 1e9;

            long restartedAt = System.nanoTime();
            try (TopicReader<StoryAssignment> assignments = TopicReader.of(bootstrap, topics.storyAssignments());
                 TopicReader<Mention> mentions = TopicReader.of(bootstrap, topics.mentions())) {
                Set<String> ids = corpus.stream().map(Article::id).collect(Collectors.toSet());
                Await.until("every article is decided", WAIT, () -> assignments.poll().stream()
                        .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
                        pipeline::tail);
                double recoverySeconds = (System.nanoTime() - restartedAt) / 1e9;
                Set<String> mentioned = keys(mentions.poll());
                Await.until("each sink delivered every mention", WAIT,
                        () -> delivered(sinks.webhook()).keySet().containsAll(mentioned)
                                && delivered(sinks.fileLines()).keySet().containsAll(mentioned),
                        () -> mentioned.size() + " mentions, webhook " + delivered(sinks.webhook()).size()
                                + ", file " + delivered(sinks.fileLines()).size() + "\n" + pipeline.tail());
                assertTrue(pipeline.process().isAlive(), "the pipeline rode out the outage without a restart");

                assertEquals(Map.of(), SyntheticStream.repeated(count(assignments.poll())), "articles decided twice");
                Map<String, Integer> mentionCounts = count(mentions.poll());
                assertTrue(mentionCounts.size() > STORIES / 8, "tracked phrases mentioned: " + mentionCounts.size());
                assertEquals(Map.of(), SyntheticStream.repeated(mentionCounts),
                        "(topic, story) mentioned twice by processing");
                Map<String, Integer> byDeliveryId = new HashMap<>();
                List<String> webhook = sinks.webhook();
                for (String alert : webhook) {
                    byDeliveryId.merge(Json.mapper().readTree(alert).path("deliveryId").asText(), 1, Integer::sum);
                }
                assertEquals(mentionCounts.keySet(), delivered(webhook).keySet(), "webhook: exactly the mentions");
                assertEquals(mentionCounts.keySet(), delivered(sinks.fileLines()).keySet(), "file: exactly the mentions");
                assertEquals(mentionCounts.size(), byDeliveryId.size(), "one delivery id per (topic, story)");
                System.out.printf("fault: broker SIGKILL mid-stream, restarted on its data: %d articles, %d in flight "
                                + "at the kill; lost 0, decided twice 0, mentioned twice 0; %d mentions; webhook %d "
                                + "alerts received (%d resent), file %d lines; broker back after %.1f s, all decided "
                                + "%.1f s after that%n", corpus.size(), corpus.size() - decidedAtKill,
                        mentionCounts.size(), webhook.size(), webhook.size() - byDeliveryId.size(),
                        sinks.fileLines().size(), brokerBack, recoverySeconds);
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
            sinks.close();
        }
    }

    private PackagedJar startBroker() throws IOException {
        return PackagedJar.broker(dir.resolve("broker"), 4);
    }
}
