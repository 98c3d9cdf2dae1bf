package dev.wirewatch.alerts;

import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed mentions and delivers each to every sink routed for its topic. A mention's offset is committed
 * only after every sink took it (or it was dead-lettered), so a crash re-delivers rather than loses.
 *
 * <p>{@link #start()} runs delivery on its own thread; {@link #close()} stops it. A sink that fails makes the
 * service retry the same mention with growing pauses (up to a minute) rather than skip it.
 */
public final class AlertService implements AutoCloseable {

    /** The consumer group of the alert service. */
    public static final String GROUP_ID = "wirewatch-alerts";

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final Topics topics;
    private final List<AlertSink> sinks;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final JsonSerde<Mention> mentions = new JsonSerde<>(Mention.class);
    private final Thread thread;
    private final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new java.util.HashMap<>();
    private final java.util.concurrent.atomic.AtomicLong completed = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running = true;

    public AlertService(String bootstrapServers, Topics topics, List<AlertSink> sinks, MeterRegistry registry,
                        Clock clock) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer); // fetch rates and records-lag of the alert group
        consumerMetrics.bindTo(registry);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-alerts-dlq");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(p, new StringSerializer(), topics.deadLetters().valueSerde()
                .serializer());
        this.topics = topics;
        this.sinks = List.copyOf(sinks);
        this.metrics = new AlertMetrics(registry, sinks.stream().map(AlertSink::id).toList());
        this.clock = clock;
        this.thread = new Thread(this::run, "wirewatch-alerts");
    }

    public void start() {
        consumer.subscribe(List.of(topics.mentions().name()));
        thread.start();
    }

    /** Mentions delivered to every sink routed for them, since start. */
    public long delivered() {
        return completed.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                boolean retrying = false;
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!handle(record)) {
                            // Deliver this record again after a pause; what came before it is committed.
                            consumer.seek(partition, record.offset());
                            retrying = true;
                            break;
                        }
                        OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
                        consumer.commitSync(Map.of(partition, next));
                        lastCommitted.put(partition, next);
                    }
                }
                if (retrying) {
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                } else {
                    backoff = Duration.ofMillis(500);
                    commitPositions();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("alert delivery stopped by an unexpected error", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Commits the consumer's position on every partition: past the last record it is also past the transaction
     * markers the exactly-once producer writes, so a caught-up group shows no lag.
     */
    private void commitPositions() {
        Map<TopicPartition, OffsetAndMetadata> positions = new java.util.HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            OffsetAndMetadata committed = lastCommitted.get(partition);
            if (committed == null || committed.offset() < position) {
                positions.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!positions.isEmpty()) {
            consumer.commitSync(positions);
            lastCommitted.putAll(positions);
        }
    }

    /** True when the record is done with (delivered everywhere, or dead-lettered). */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        Mention mention;
        try {
            mention = mentions.read(record.value());
            if (mention == null) {
                throw new SerializationException("empty record where a mention was expected");
            }
        } catch (SerializationException e) {
            LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            deadLetters.send(new ProducerRecord<>(topics.deadLetters().name(), record.key(), DeadLetter.of(
                    record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                    "decode-mention", e.getMessage(), clock.instant())));
            deadLetters.flush();
            metrics.deadLettered();
            return true;
        }
        Alert alert = Alert.from(mention);
        boolean allDelivered = true;
        for (AlertSink sink : sinks) {
            if (!sink.accepts(alert.topic())) {
                continue;
            }
            try {
                sink.deliver(alert);
                metrics.delivered(sink.id(), Duration.between(alert.detectedAt(), clock.instant()));
            } catch (DeliveryException e) {
                metrics.failedAttempt(sink.id());
                LOG.warn("sink {}: alert for {} not delivered, will retry: {}", sink.id(), mention.key(),
                        e.getMessage());
                allDelivered = false;
            }
        }
        if (allDelivered) {
            completed.incrementAndGet();
        }
        return allDelivered;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
        consumerMetrics.close();
        sinks.forEach(AlertSink::close);
    }
}
