package dev.wirewatch.launcher.support;

import dev.wirewatch.model.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning as an outside consumer would ({@code read_committed}), keeping every record it
 * saw; {@link #poll()} takes what arrived since the last call.
 *
 * <p>Not thread safe.
 */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    public TopicReader(String bootstrap, String topic, Deserializer<V> values) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
    }

    /** A reader of {@code topic} (String keys), with the topic's own value serde. */
    public static <V> TopicReader<V> of(String bootstrap, Topic<String, V> topic) {
        return new TopicReader<>(bootstrap, topic.name(), topic.valueSerde().deserializer());
    }

    /** Polls once (up to 200 ms) and returns every record seen so far. */
    public List<ConsumerRecord<String, V>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
