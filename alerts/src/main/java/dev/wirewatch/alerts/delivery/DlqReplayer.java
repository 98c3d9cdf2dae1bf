package dev.wirewatch.alerts.delivery;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.ConfiguredSink;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the alerts on {@code alerts.dlq} again, each through the sink that gave up on it, with that sink's retries;
 * what is delivered is recorded in the ledger, what fails again goes back to the end of the queue with the new
 * error. Reads up to the queue's end as of the start, so it never chases its own re-queued records.
 *
 * <p>Not thread safe; one replay at a time per queue (it commits as consumer group {@value #GROUP_ID}).
 */
public final class DlqReplayer {

    public static final String GROUP_ID = "wirewatch-alerts-replay";
    private static final Logger LOG = LoggerFactory.getLogger(DlqReplayer.class);

    /** What a replay did. */
    public record Result(int delivered, int failedAgain, int unknownSink, int skipped) {
    }

    private final KafkaConnection kafka;
    private final Topics topics;
    private final Map<String, ConfiguredSink> sinks = new HashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;

    public DlqReplayer(String bootstrapServers, Topics topics, List<ConfiguredSink> sinks, Clock clock,
                       Sleeper sleeper) {
        this(KafkaConnection.plain(bootstrapServers), topics, sinks, clock, sleeper);
    }

    public DlqReplayer(KafkaConnection kafka, Topics topics, List<ConfiguredSink> sinks, Clock clock,
                       Sleeper sleeper) {
        this.kafka = kafka;
        this.topics = topics;
        sinks.forEach(s -> this.sinks.put(s.sink().id(), s));
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Replays every dead alert, or only those of {@code onlySink} when it is not null. */
    public Result replay(String onlySink) throws InterruptedException {
        int delivered = 0;
        int failed = 0;
        int unknown = 0;
        int skipped = 0;
        try (KafkaConsumer<String, DeadAlert> consumer = consumer();
             KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = TopicReader.partitionsOf(consumer, topics.alertsDlq().name());
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, DeliveryLedger> ledgers = new HashMap<>();
            DeadLetters deadLetters = new DeadLetters(producer, topics);
            for (TopicPartition partition : partitions) {
                while (consumer.position(partition) < ends.get(partition)) {
                    for (ConsumerRecord<String, DeadAlert> r : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                        if (r.offset() >= ends.get(partition)) {
                            break;
                        }
                        DeadAlert dead = r.value();
                        ConfiguredSink sink = dead == null ? null : sinks.get(dead.sinkId());
                        if (dead == null || onlySink != null && !onlySink.equals(dead.sinkId())) {
                            skipped++;
                        } else if (sink == null) {
                            LOG.warn("dead alert {} names sink '{}', which is not configured; left alone", r.key(),
                                    dead.sinkId());
                            unknown++;
                        } else {
                            DeliveryLedger ledger = ledgers.computeIfAbsent(dead.sinkId(), id -> {
                                DeliveryLedger l = new DeliveryLedger(topics.alertLedger(), id, producer, clock,
                                        Duration.ofDays(30));
                                l.load(kafka);
                                return l;
                            });
                            if (ledger.sent(dead.mention()) || resend(sink, dead, ledger, deadLetters)) {
                                delivered++;
                            } else {
                                failed++;
                            }
                        }
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(r.offset() + 1)));
                    }
                }
            }
        }
        return new Result(delivered, failed, unknown, skipped);
    }

    private boolean resend(ConfiguredSink sink, DeadAlert dead, DeliveryLedger ledger, DeadLetters deadLetters)
            throws InterruptedException {
        RetryPolicy retries = new RetryPolicy(sink.delivery(), RandomGenerator.getDefault());
        AlertBatch batch = AlertBatch.of(Alert.from(dead.mention()));
        for (int attempt = 1; ; attempt++) {
            try {
                sink.sink().deliver(batch);
                ledger.record(List.of(dead.mention()));
                return true;
            } catch (DeliveryException e) {
                if (!retries.retry(attempt, e)) {
                    DeadAlert again = DeadAlert.of(dead.sinkId(), dead.mention(), e.getMessage(),
                            dead.attempts() + attempt, clock.instant());
                    deadLetters.alert(again);
                    LOG.warn("dead alert {} failed again on sink {}: {}", again.key(), dead.sinkId(), e.getMessage());
                    return false;
                }
                sleeper.sleep(retries.delay(attempt, e));
            }
        }
    }

    private KafkaConsumer<String, DeadAlert> consumer() {
        Properties c = kafka.properties();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(c, new StringDeserializer(), topics.alertsDlq().valueSerde().deserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
