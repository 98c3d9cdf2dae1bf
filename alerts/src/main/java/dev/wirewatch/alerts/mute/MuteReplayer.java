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
 * Sends what a lifted (or expired) mute held back: each of its {@link MutedAlert}s' mentions is written to
 * {@code mentions} again, addressed ({@link #REPLAY_FOR}) to the sinks that held it back, then its muted record is
 * removed (only that mute's: another mute's record of the same alert stays). Those sinks deliver it as any new
 * mention (the ledger still skips what they sent); a mute lifted before the replay does not hold it back (see
 * {@link MuteTracker}). Call it after the mute's tombstone is acknowledged.
 *
 * <p>Thread safe; each call uses its own producer.
 */
public final class MuteReplayer {

    /** The header naming the sinks a replayed mention is for; the others ignore it. */
    public static final String REPLAY_FOR = "wirewatch-replay-for";

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
        // removed below under the keys they were read by (older records have keys without the mute)
        Map<String, MutedAlert> byKey = new LinkedHashMap<>();
        held.forEach((key, m) -> {
            if (m.muteId().equals(muteId)) {
                byKey.put(key, m);
            }
        });
        List<MutedAlert> replay = List.copyOf(byKey.values());
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
            // once per (topic, story), addressed to the sinks that held it back: another sink may hold the same
            // mention for its digest, or have sent it longer ago than its ledger remembers
            Map<String, Mention> mentions = new LinkedHashMap<>();
            Map<String, java.util.Set<String>> heldBy = new LinkedHashMap<>();
            for (MutedAlert m : replay) {
                mentions.putIfAbsent(m.mention().key(), m.mention());
                heldBy.computeIfAbsent(m.mention().key(), k -> new java.util.TreeSet<>()).add(m.sinkId());
            }
            for (Mention mention : mentions.values()) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.mentions().name(), mention.key(),
                        topics.mentions().valueSerde().serializer().serialize(topics.mentions().name(), mention));
                record.headers().add(REPLAY_FOR, String.join(",", heldBy.get(mention.key()))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            await(acks, topics.mentions().name());
            for (String key : byKey.keySet()) {
                acks.add(producer.send(new ProducerRecord<>(topics.muted().name(), key, null)));
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
