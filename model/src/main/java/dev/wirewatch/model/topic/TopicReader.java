package dev.wirewatch.model.topic;

import dev.wirewatch.model.kafka.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics the way Wirewatch's own readers need: a (usually compacted) topic from its beginning to its end as of
 * the call, which is how services load the state they keep in Kafka (ledgers, feed status, ingested links); and the
 * small pieces the long-running readers share (all partitions of a topic, a poll that steps over unreadable records).
 *
 * <p>Stateless and thread safe. A value that cannot be read is skipped with a log line, never fatal.
 */
public final class TopicReader {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);

    private TopicReader() {
    }

    /** Hands every record of {@code topic} to {@code apply} in partition order; tombstones come with a null value. */
    public static <V> void readToEnd(String bootstrapServers, Topic<String, V> topic, BiConsumer<String, V> apply) {
        readToEnd(KafkaConnection.plain(bootstrapServers), topic, apply);
    }

    /** As {@link #readToEnd(String, Topic, BiConsumer)}, on a cluster that may need TLS or SASL. */
    public static <V> void readToEnd(KafkaConnection kafka, Topic<String, V> topic, BiConsumer<String, V> apply) {
        Properties c = kafka.properties();
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    V value;
                    try {
                        value = r.value() == null ? null
                                : topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
                    } catch (SerializationException e) {
                        LOG.warn("skipping unreadable {} record {}: {}", topic.name(), r.key(), e.getMessage());
                        continue;
                    }
                    apply.accept(r.key(), value);
                }
            }
        }
    }

    /** Every partition of {@code topic}, for a consumer that assigns itself rather than joining a group. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    /**
     * Polls {@code consumer} once; a record whose value cannot be read is logged, skipped (the position moves past
     * it) and the poll answers empty, so one bad record never stops a long-running reader.
     */
    public static <K, V> ConsumerRecords<K, V> pollPastUnreadable(Consumer<K, V> consumer, Duration timeout) {
        return pollPastUnreadable(consumer, timeout, e -> { });
    }

    /** As {@link #pollPastUnreadable(Consumer, Duration)}, handing each unreadable record to {@code unreadable}. */
    public static <K, V> ConsumerRecords<K, V> pollPastUnreadable(
            Consumer<K, V> consumer, Duration timeout,
            java.util.function.Consumer<RecordDeserializationException> unreadable) {
        try {
            return consumer.poll(timeout);
        } catch (RecordDeserializationException e) {
            LOG.warn("skipping unreadable record at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            unreadable.accept(e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return ConsumerRecords.empty();
        }
    }
}
