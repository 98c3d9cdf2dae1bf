package dev.wirewatch.ingest.state;

import dev.wirewatch.ingest.identity.CanonicalUrls;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
    private final KafkaProducer<String, byte[]> producer; // values serialized by each topic's own serde
    private final Clock clock;
    private final Set<String> ingested = new HashSet<>();
    private final Map<String, FeedStatus> statuses = new HashMap<>();

    public KafkaIngestState(String bootstrapServers, Topic<String, String> ingestedTopic,
                            Topic<String, FeedStatus> statusTopic, Clock clock) {
        this(KafkaConnection.plain(bootstrapServers), ingestedTopic, statusTopic, clock);
    }

    public KafkaIngestState(KafkaConnection kafka, Topic<String, String> ingestedTopic,
                            Topic<String, FeedStatus> statusTopic, Clock clock) {
        this.ingestedTopic = ingestedTopic;
        this.statusTopic = statusTopic;
        this.clock = clock;
        TopicReader.readToEnd(kafka, ingestedTopic, (key, value) -> {
            if (value == null) {
                ingested.remove(key);
            } else {
                ingested.add(key);
            }
        });
        TopicReader.readToEnd(kafka, statusTopic, (key, value) -> {
            if (value == null) {
                statuses.remove(key);
            } else {
                statuses.put(key, value);
            }
        });
        Properties p = kafka.properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-ingest-state");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        LOG.info("ingest state: {} links already ingested, status of {} feeds", ingested.size(), statuses.size());
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
            producer.send(new ProducerRecord<>(ingestedTopic.name(), CanonicalUrls.linkId(article.url()),
                    ingestedTopic.valueSerde().serializer().serialize(ingestedTopic.name(), now)));
        }
        producer.flush();
    }

    @Override
    public void feedStatus(FeedStatus status) {
        producer.send(new ProducerRecord<>(statusTopic.name(), status.feedUrl(),
                statusTopic.valueSerde().serializer().serialize(statusTopic.name(), status)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
