package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.SyntheticStream;
import dev.wirewatch.launcher.support.TopicReader;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MentionCount;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.ProcessingService;
import dev.wirewatch.processing.match.DefaultTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processing instances share the partitions of one broker; one stops in the middle of a stream and the other
 * takes its tasks over (triage included): every article is decided exactly once and every (topic, story) is
 * mentioned exactly once.
 */
class ProcessingFailoverEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int STORIES = 400;

    @TempDir
    Path dir;

    @Test
    void theSurvivorTakesOverMidStreamWithNothingLostAndNothingMentionedTwice() throws Exception {
        List<Article> corpus = SyntheticStream.withCopies(15, STORIES);
        Topics topics = Topics.standard();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 4, Duration.ofSeconds(60));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     kafka.bootstrapServers()));
             TopicReader<StoryAssignment> assignments =
                     TopicReader.of(kafka.bootstrapServers(), topics.storyAssignments());
             TopicReader<Mention> mentions = TopicReader.of(kafka.bootstrapServers(), topics.mentions());
             TopicReader<MentionCount> counts = TopicReader.of(kafka.bootstrapServers(), topics.mentionCounts())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 4);
            TopicPublisher.publish(kafka.bootstrapServers(), topics.topicDefinitions(), DefaultTopics.load());
            ProcessingService first = start(kafka, "first");
            ProcessingService second = start(kafka, "second");
            try {
                SyntheticStream.produce(kafka.bootstrapServers(), topics, corpus);
                Await.until("a third of the articles are decided", WAIT,
                        () -> assignments.poll().size() >= corpus.size() / 3, () -> assignments.poll().size() + "");
                first.close(); // mid-stream: its tasks move to the second instance
                Set<String> ids = corpus.stream().map(Article::id).collect(Collectors.toSet());
                Await.until("every article is decided", WAIT, () -> assignments.poll().stream()
                        .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
                        () -> assignments.poll().size() + " of " + ids.size());
            } finally {
                first.close();
                second.close();
            }

            Map<String, Integer> decisions = new HashMap<>();
            assignments.poll().forEach(r -> decisions.merge(r.key(), 1, Integer::sum));
            assertEquals(Map.of(), SyntheticStream.repeated(decisions), "articles decided more than once");
            long copies = assignments.poll().stream().filter(r -> r.value().isCopy()).count();
            assertEquals(STORIES / 3 + 1, copies, "every republication, and nothing else, is a copy");

            Set<String> counted = new HashSet<>();
            counts.poll().forEach(r -> counted.add(r.key()));
            Map<String, Integer> mentioned = new HashMap<>();
            mentions.poll().forEach(r -> mentioned.merge(r.key(), 1, Integer::sum));
            assertTrue(mentioned.size() > STORIES / 8, "the tracked phrases were mentioned: " + mentioned.size());
            assertEquals(Map.of(), SyntheticStream.repeated(mentioned), "(topic, story) pairs mentioned more than once");
            assertEquals(counted, mentioned.keySet(), "every counted (topic, story) has its one mention");
        }
    }

    private ProcessingService start(EmbeddedKafka kafka, String name) throws Exception {
        ProcessingService processing = new ProcessingService(kafka.bootstrapServers(), dir.resolve(name),
                Topics.standard(), standby(), new SimpleMeterRegistry());
        processing.start(Duration.ofSeconds(60));
        return processing;
    }

    /** Defaults, with a standby of each task on the other instance. */
    private static ProcessingSettings standby() {
        return new ProcessingSettings(null, null, null, null, null, null, null, null, null, 1, null);
    }
}
