package dev.wirewatch.alerts.mute;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends what a lifted mute held back: each of its {@link MutedAlert}s' mentions is written to {@code mentions} again,
 * then its muted record is removed. The sinks deliver them as any new mention: the ledger skips a sink that sent the
 * (topic, story) already, the route skips a sink that never takes the topic, and a mute lifted before the replay does
 * not hold it back (see {@link MuteTracker}). Call it after the mute's tombstone is acknowledged.
 *
 * <p>Thread safe; each call uses its own producer.
 */
public final class MuteReplayer {

    private final KafkaConnection kafka;
    private final Topics topics;

    public MuteReplayer(KafkaConnection kafka, Topics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /** Re-publishes the alerts mute {@code muteId} held back; returns how many it held (one per sink and alert). */
    public int replay(String muteId) {
        Map<String, MutedAlert> held = new LinkedHashMap<>();
        TopicReader.readToEnd(kafka, topics.muted(), (key, muted) -> {
            if (muted == null) {
                held.remove(key);
            } else {
                held.put(key, muted);
            }
        });
        List<MutedAlert> replay = held.values().stream().filter(m -> m.muteId().equals(muteId)).toList();
        if (replay.isEmpty()) {
            return 0;
        }
        Properties p = kafka.properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-mute-replay");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            // once per (topic, story): a group window holding two copies would send both before the ledger knew
            Map<String, Mention> mentions = new LinkedHashMap<>();
            replay.forEach(m -> mentions.putIfAbsent(m.mention().key(), m.mention()));
            for (Mention mention : mentions.values()) {
                acks.add(producer.send(new ProducerRecord<>(topics.mentions().name(), mention.key(),
                        topics.mentions().valueSerde().serializer().serialize(topics.mentions().name(), mention))));
            }
            await(acks, topics.mentions().name());
            for (MutedAlert m : replay) {
                acks.add(producer.send(new ProducerRecord<>(topics.muted().name(), m.key(), null)));
            }
            await(acks, topics.muted().name());
        }
        return replay.size();
    }

    private static void await(List<Future<RecordMetadata>> acks, String topic) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            acks.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
