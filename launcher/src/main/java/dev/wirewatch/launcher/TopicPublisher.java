package dev.wirewatch.launcher;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.kafka.KafkaConnection;
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
 * Writes definitions to the compacted {@code topics}, {@code feeds} and {@code alerts.mutes} topics: the configured
 * topics and feeds at start-up (the config seeds them), and additions, edits and removals at runtime
 * ({@code wirewatch topics}, {@code wirewatch feeds put|remove}, {@code wirewatch alerts mute|unmute}).
 */
public final class TopicPublisher {

    private TopicPublisher() {
    }

    /** Publishes every topic of {@code tracked} and waits until all are acknowledged. */
    public static void publish(String bootstrapServers, Topic<String, TopicDefinition> topic,
                               List<TrackedTopic> tracked) {
        publish(KafkaConnection.plain(bootstrapServers), topic, tracked);
    }

    public static void publish(KafkaConnection kafka, Topic<String, TopicDefinition> topic,
                               List<TrackedTopic> tracked) {
        send(kafka, topic, tracked.stream().map(t -> new ProducerRecord<>(topic.name(), t.id(),
                TopicDefinition.of(t.id(), t.name(), t.query(), t.description(), t.labels(), t.urgent()))).toList());
    }

    /** Publishes every configured feed on the compacted {@code feeds} topic. */
    public static void publishFeeds(String bootstrapServers, Topic<String, FeedDefinition> topic,
                                    List<FeedSettings> feeds) {
        publishFeeds(KafkaConnection.plain(bootstrapServers), topic, feeds);
    }

    public static void publishFeeds(KafkaConnection kafka, Topic<String, FeedDefinition> topic,
                                    List<FeedSettings> feeds) {
        send(kafka, topic, feeds.stream().map(f -> new ProducerRecord<>(topic.name(), f.url().trim(),
                FeedDefinition.of(f.url().trim(), f.name(), f.pollInterval()))).toList());
    }

    /** Publishes a tombstone for the feed at {@code url}: it stops being polled. */
    public static void removeFeed(String bootstrapServers, Topic<String, FeedDefinition> topic, String url) {
        removeFeed(KafkaConnection.plain(bootstrapServers), topic, url);
    }

    public static void removeFeed(KafkaConnection kafka, Topic<String, FeedDefinition> topic, String url) {
        send(kafka, topic, List.of(new ProducerRecord<>(topic.name(), url.trim(), null)));
    }

    /** Publishes a tombstone for {@code topicId}: the topic stops being tracked. */
    public static void remove(KafkaConnection kafka, Topic<String, TopicDefinition> topic, String topicId) {
        send(kafka, topic, List.of(new ProducerRecord<>(topic.name(), topicId, null)));
    }

    /** Publishes {@code mute}, replacing a mute of the same thing for the same sinks; in force within a second. */
    public static void publishMute(KafkaConnection kafka, Topic<String, Mute> topic, Mute mute) {
        send(kafka, topic, List.of(new ProducerRecord<>(topic.name(), mute.id(), mute)));
    }

    /** Publishes a tombstone for the mute {@code muteId}: it is lifted. */
    public static void liftMute(KafkaConnection kafka, Topic<String, Mute> topic, String muteId) {
        send(kafka, topic, List.of(new ProducerRecord<>(topic.name(), muteId, null)));
    }

    private static <V> void send(KafkaConnection kafka, Topic<String, V> topic,
                                 List<ProducerRecord<String, V>> records) {
        Properties props = kafka.properties();
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
