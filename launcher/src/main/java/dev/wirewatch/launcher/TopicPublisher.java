package dev.wirewatch.launcher;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.topic.Topic;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes definitions to the compacted {@code topics} and {@code feeds} topics: the configured topics and feeds at
 * start-up (the config seeds them), and additions, edits and removals at runtime ({@code wirewatch topics},
 * {@code wirewatch feeds put|remove}).
 */
public final class TopicPublisher {

    private TopicPublisher() {
    }

    /** Publishes every topic of {@code tracked} and waits until all are acknowledged. */
    public static void publish(String bootstrapServers, Topic<String, TopicDefinition> topic,
                               List<TrackedTopic> tracked) {
        send(bootstrapServers, topic, tracked.stream().map(t -> new ProducerRecord<>(topic.name(), t.id(),
                TopicDefinition.of(t.id(), t.name(), t.query(), t.description()))).toList());
    }

    /** Publishes every configured feed on the compacted {@code feeds} topic. */
    public static void publishFeeds(String bootstrapServers, Topic<String, FeedDefinition> topic,
                                    List<FeedSettings> feeds) {
        send(bootstrapServers, topic, feeds.stream().map(f -> new ProducerRecord<>(topic.name(), f.url().trim(),
                FeedDefinition.of(f.url().trim(), f.name(), f.pollInterval()))).toList());
    }

    /** Publishes a tombstone for the feed at {@code url}: it stops being polled. */
    public static void removeFeed(String bootstrapServers, Topic<String, FeedDefinition> topic, String url) {
        send(bootstrapServers, topic, List.of(new ProducerRecord<>(topic.name(), url.trim(), null)));
    }

    /** Publishes a tombstone for {@code topicId}: the topic stops being tracked. */
    public static void remove(String bootstrapServers, Topic<String, TopicDefinition> topic, String topicId) {
        send(bootstrapServers, topic, List.of(new ProducerRecord<>(topic.name(), topicId, null)));
    }

    private static <V> void send(String bootstrapServers, Topic<String, V> topic,
                                 List<ProducerRecord<String, V>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-topics");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(props,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ProducerRecord<String, V> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish topics to " + topic.name() + ": " + e, e);
        }
    }
}
