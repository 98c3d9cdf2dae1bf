package dev.wirewatch.launcher;

import dev.wirewatch.config.TrackedTopic;
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
 * Writes topic definitions to the compacted {@code topics} topic: the configured topics at start-up (the config
 * seeds them), and additions, edits and removals at runtime ({@code wirewatch topics}).
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

    /** Publishes a tombstone for {@code topicId}: the topic stops being tracked. */
    public static void remove(String bootstrapServers, Topic<String, TopicDefinition> topic, String topicId) {
        send(bootstrapServers, topic, List.of(new ProducerRecord<>(topic.name(), topicId, null)));
    }

    private static void send(String bootstrapServers, Topic<String, TopicDefinition> topic,
                             List<ProducerRecord<String, TopicDefinition>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-topics");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, TopicDefinition> producer = new KafkaProducer<>(props,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ProducerRecord<String, TopicDefinition> record : records) {
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
