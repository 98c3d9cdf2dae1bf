package dev.wirewatch.ingest.assign;

import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a record a consumer could not read to {@code dead-letters}, with its origin, bytes and error, so that
 * nothing is lost and an operator can fix and replay it.
 *
 * <p>Thread safe. Its producer is made at the first letter (most runs have none).
 */
final class DeadLetterWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final KafkaConnection kafka;
    private final Topic<String, DeadLetter> topic;
    private final String stage;
    private final Counter written;
    private KafkaProducer<String, byte[]> producer;

    DeadLetterWriter(KafkaConnection kafka, Topic<String, DeadLetter> topic, String stage, Counter written) {
        this.written = written;
        this.kafka = kafka;
        this.topic = topic;
        this.stage = stage;
    }

    synchronized void write(RecordDeserializationException e) {
        String key = text(e.keyBuffer());
        DeadLetter letter = DeadLetter.of(e.topicPartition().topic(), e.topicPartition().partition(), e.offset(), key,
                bytes(e.valueBuffer()), stage, "not a valid record of " + e.topicPartition().topic() + ": "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()),
                Instant.ofEpochMilli(e.timestamp()));
        try {
            if (producer == null) {
                Properties p = kafka.properties();
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
            }
            producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer()
                    .serialize(topic.name(), letter))).get();
            written.increment();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | RuntimeException failed) {
            LOG.error("cannot dead-letter {}@{} (it stays in its topic): {}", e.topicPartition(), e.offset(),
                    failed.toString());
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    private static String text(ByteBuffer buffer) {
        byte[] raw = bytes(buffer);
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
