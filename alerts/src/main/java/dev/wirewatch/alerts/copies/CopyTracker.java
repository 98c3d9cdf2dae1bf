package dev.wirewatch.alerts.copies;

import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code duplicates} topic from its beginning into {@link CopyCounts}, on its own thread. It reads no
 * consumer group (every alert service keeps its own counts) and skips records it cannot read.
 *
 * <p>{@link #start()} then {@link #close()}; thread safe.
 */
public final class CopyTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CopyTracker.class);

    private final KafkaConsumer<String, Duplicate> consumer;
    private final Topic<String, Duplicate> topic;
    private final CopyCounts counts;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long seen;

    public CopyTracker(KafkaConnection kafka, Topic<String, Duplicate> topic, CopyCounts counts, Clock clock) {
        Properties c = kafka.properties();
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-alerts-copies");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
        this.counts = counts;
        this.clock = clock;
        this.thread = new Thread(this::run, "wirewatch-alerts-copies");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Duplicate records read so far. */
    public long seen() {
        return seen;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = TopicReader.partitionsOf(consumer, topic.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastExpiry = System.nanoTime();
            while (running) {
                // an unreadable audit record counts nothing
                for (ConsumerRecord<String, Duplicate> r : TopicReader.pollPastUnreadable(consumer,
                        Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        counts.add(r.value());
                    }
                    seen++;
                }
                if (System.nanoTime() - lastExpiry > Duration.ofMinutes(10).toNanos()) {
                    counts.expire(clock.instant());
                    lastExpiry = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.warn("copy counting stopped: {}", e.toString());
            }
        } catch (RuntimeException e) {
            // counts are a courtesy in the message; delivery goes on without them
            LOG.warn("copy counting stopped; alerts will not say where else a story ran: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
