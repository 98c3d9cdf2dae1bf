package dev.wirewatch.desk.edit;

import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes editors' changes to the compacted {@code topics}, {@code feeds} and {@code alerts.mutes} topics, as
 * {@code wirewatch topics put}, {@code wirewatch feeds put} and {@code wirewatch alerts mute} do: processing, ingest
 * and the sinks pick them up without a restart.
 *
 * <p>Thread safe. Each call waits until the broker has the record, so a 200 means the change is durable.
 */
public final class DeskWriter implements DeskEdits, AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;

    public DeskWriter(KafkaConnection kafka, Topics topics) {
        this.topics = topics;
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-desk");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void putTopic(TopicDefinition topic) {
        send(topics.topicDefinitions(), topic.id(), topic);
    }

    @Override
    public void removeTopic(String id) {
        send(topics.topicDefinitions(), id, null);
    }

    @Override
    public void putFeed(FeedDefinition feed) {
        send(topics.feeds(), feed.url(), feed);
    }

    @Override
    public void removeFeed(String url) {
        send(topics.feeds(), url, null);
    }

    @Override
    public void putMute(Mute mute) {
        send(topics.mutes(), mute.id(), mute);
    }

    @Override
    public void liftMute(String id) {
        send(topics.mutes(), id, null);
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        byte[] bytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, bytes)).get(SEND_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the change to " + topic.name() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
