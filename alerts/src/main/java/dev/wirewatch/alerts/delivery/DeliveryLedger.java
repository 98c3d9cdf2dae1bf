package dev.wirewatch.alerts.delivery;

import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * What one sink has already sent, kept in Kafka (the compacted {@code alerts.ledger} topic) so that a restarted
 * alert service skips it. Loaded once at start; each send is recorded (and acknowledged by the broker) before the
 * input offset is committed.
 *
 * <p>Not thread safe; used by one sink worker. Entries older than the retention are not loaded: by then processing
 * has forgotten the (topic, story) too.
 */
final class DeliveryLedger {

    private final Topic<String, DeliveryRecord> topic;
    private final String sinkId;
    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;
    private final Duration retention;
    private final Set<String> sent = new HashSet<>();

    DeliveryLedger(Topic<String, DeliveryRecord> topic, String sinkId, KafkaProducer<String, byte[]> producer,
                   Clock clock, Duration retention) {
        this.topic = topic;
        this.sinkId = sinkId;
        this.producer = producer;
        this.clock = clock;
        this.retention = retention;
    }

    /** Reads the ledger from the beginning to its current end. */
    void load(KafkaConnection kafka) {
        load(kafka, entry -> { });
    }

    /** As {@link #load(KafkaConnection)}, handing each retained entry of this sink (first alerts, follow-ups) on. */
    void load(KafkaConnection kafka, java.util.function.Consumer<DeliveryRecord> retained) {
        Instant oldest = clock.instant().minus(retention);
        String prefix = sinkId + "/";
        java.util.Map<String, DeliveryRecord> kept = new java.util.LinkedHashMap<>();
        TopicReader.readToEnd(kafka, topic, (key, entry) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            if (entry == null) {
                sent.remove(key);
                kept.remove(key);
            } else if (!entry.sentAt().isBefore(oldest)) {
                sent.add(key);
                kept.put(key, entry);
            }
        });
        kept.values().forEach(retained);
    }

    boolean sent(Mention mention) {
        return sent.contains(DeliveryRecord.keyOf(sinkId, mention.topicId(), mention.storyId()));
    }

    /** Records the mentions as sent; returns once the broker has them. */
    List<DeliveryRecord> record(List<Mention> mentions) {
        return record(mentions, null, storyId -> 0);
    }

    /**
     * Records the mentions as sent in the message {@code messageRef} (null when the channel gives none), each with
     * the sites its story had; returns the records once the broker has them.
     */
    List<DeliveryRecord> record(List<Mention> mentions, String messageRef,
                                java.util.function.ToIntFunction<String> sitesOfStory) {
        Instant now = clock.instant();
        List<DeliveryRecord> entries = new ArrayList<>();
        for (Mention m : mentions) {
            entries.add(DeliveryRecord.sent(sinkId, m, now, messageRef, sitesOfStory.applyAsInt(m.storyId())));
        }
        write(entries);
        return entries;
    }

    /** Records follow-ups (or any entries) as sent; returns once the broker has them. */
    void write(List<DeliveryRecord> entries) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (DeliveryRecord entry : entries) {
            acks.add(producer.send(new ProducerRecord<>(topic.name(), entry.key(),
                    topic.valueSerde().serializer().serialize(topic.name(), entry))));
            sent.add(entry.key());
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while writing the delivery ledger", e);
            } catch (ExecutionException e) {
                throw new KafkaException("cannot write the delivery ledger: " + e.getCause(), e.getCause());
            }
        }
    }
}
