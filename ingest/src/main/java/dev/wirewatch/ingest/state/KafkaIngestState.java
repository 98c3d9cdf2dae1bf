package dev.wirewatch.ingest.state;

import dev.wirewatch.ingest.identity.CanonicalUrls;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.topic.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IngestState} in Kafka: two compacted topics, {@code ingested} (key = id of an ingested link's canonical URL)
 * and {@code feed-status} (key = feed URL), read to their end at start and appended to as feeds are polled. State in
 * Kafka, not on one machine's disk, so an ingest instance can move.
 *
 * <p>Thread safe.
 */
public final class KafkaIngestState implements IngestState {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestState.class);

    private final Topic<String, String> ingestedTopic;
    private final Topic<String, FeedStatus> statusTopic;
    private final KafkaProducer<String, String> producer;
    private final Clock clock;
    private final Set<String> ingested = new HashSet<>();
    private final Map<String, FeedStatus> statuses = new HashMap<>();

    public KafkaIngestState(String bootstrapServers, Topic<String, String> ingestedTopic,
                            Topic<String, FeedStatus> statusTopic, Clock clock) {
        this.ingestedTopic = ingestedTopic;
        this.statusTopic = statusTopic;
        this.clock = clock;
        readToEnd(bootstrapServers, ingestedTopic.name(), new StringDeserializer(),
                (key, value) -> {
                    if (value == null) {
                        ingested.remove(key);
                    } else {
                        ingested.add(key);
                    }
                });
        readToEnd(bootstrapServers, statusTopic.name(), statusTopic.valueSerde().deserializer(),
                (key, value) -> statuses.put(key, value));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-ingest-state");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        LOG.info("ingest state: {} links already ingested, status of {} feeds", ingested.size(), statuses.size());
    }

    private static <V> void readToEnd(String bootstrap, String topic, Deserializer<V> values,
                                      BiConsumer<String, V> apply) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    try {
                        apply.accept(r.key(), r.value() == null ? null : values.deserialize(topic, r.value()));
                    } catch (SerializationException e) {
                        LOG.warn("skipping unreadable {} record {}: {}", topic, r.key(), e.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public synchronized Set<String> ingestedLinkIds() {
        return Set.copyOf(ingested);
    }

    @Override
    public synchronized Map<String, FeedStatus> feedStatuses() {
        return Map.copyOf(statuses);
    }

    @Override
    public void ingested(Collection<Article> articles) {
        String now = clock.instant().toString();
        for (Article article : articles) {
            producer.send(new ProducerRecord<>(ingestedTopic.name(), CanonicalUrls.linkId(article.url()), now));
        }
        producer.flush();
    }

    @Override
    public void feedStatus(FeedStatus status) {
        producer.send(new ProducerRecord<>(statusTopic.name(), status.feedUrl(),
                new String(statusTopic.valueSerde().serializer().serialize(statusTopic.name(), status),
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
