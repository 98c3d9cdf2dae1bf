package dev.wirewatch.processing.decode;

import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Streams does with a record of a typed input (the {@code topics} topic of the global store, internal topics)
 * that does not deserialize: it goes to {@code dead-letters} with its origin, bytes and error, and processing goes on.
 * ({@code articles} are read as bytes and dead-lettered by {@link DecodeProcessor} itself.)
 *
 * <p>Streams makes one per thread from the configs: {@link #TOPIC} (the dead-letters topic descriptor) and
 * {@link #ON_DEAD_LETTER} (a {@link Runnable} counting them) are passed as objects. Its producer is not part of the
 * exactly-once transaction: a letter may be written twice after a crash, never lost.
 */
public final class DeadLetterOnUnreadable implements DeserializationExceptionHandler {

    public static final String TOPIC = "wirewatch.dead.letters.topic";
    public static final String ON_DEAD_LETTER = "wirewatch.dead.letters.counter";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnUnreadable.class);

    private Topic<String, DeadLetter> topic;
    private Runnable counter = () -> { };
    private Properties producerConfig;
    private KafkaProducer<String, byte[]> producer;

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        topic = (Topic<String, DeadLetter>) configs.get(TOPIC);
        if (configs.get(ON_DEAD_LETTER) instanceof Runnable r) {
            counter = r;
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        configs.forEach((key, value) -> { // the cluster's TLS and SASL settings, as the topology's own clients have
            if (value != null && (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl."))) {
                p.put(key, value);
            }
        });
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-processing-dead-letters");
        producerConfig = p;
    }

    /** Made at the first unreadable record: Streams never closes its handlers, so most runs should have none. */
    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.of(record.topic(), record.partition(), record.offset(), key, record.value(),
                "processing", "not a valid record of " + record.topic() + ": " + exception.getMessage(),
                Instant.ofEpochMilli(record.timestamp()));
        LOG.warn("{}@{}: unreadable record {} dead-lettered: {}", record.topic(), record.offset(), key,
                exception.getMessage());
        try {
            producer().send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer()
                    .serialize(topic.name(), letter))).get();
            counter.run();
            return DeserializationHandlerResponse.CONTINUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeserializationHandlerResponse.FAIL;
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("cannot dead-letter {}@{}: {}; stopping rather than losing it", record.topic(),
                    record.offset(), e.getCause().toString());
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
