package dev.wirewatch.ingest.assign;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which feeds this ingest instance polls: the feeds on the partitions of the compacted {@code feeds} topic that the
 * consumer group {@value #GROUP_ID} assigns it. Several instances split the feeds, no feed is polled by two, and
 * when one instance stops (or its session times out) the others take its partitions over. Each assigned partition
 * is read from its beginning, so the whole current list is known; later records add, change and (tombstones) remove
 * feeds while the instance runs.
 *
 * <p>Runs its consumer on its own thread; the listener is called from that thread.
 */
public final class FeedAssignment implements FeedSource {

    public static final String GROUP_ID = "wirewatch-ingest";
    private static final Logger LOG = LoggerFactory.getLogger(FeedAssignment.class);

    private final KafkaConsumer<String, FeedDefinition> consumer;
    private final Topic<String, FeedDefinition> topic;
    private final DeadLetterWriter deadLetters;
    private volatile Listener listener;
    private final Map<TopicPartition, Map<String, FeedSettings>> owned = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param deadLetters where a feed definition that cannot be read goes, with its bytes and the error */
    public FeedAssignment(String bootstrapServers, Topic<String, FeedDefinition> topic,
                          Topic<String, DeadLetter> deadLetters) {
        this(KafkaConnection.plain(bootstrapServers), topic, deadLetters, new SimpleMeterRegistry());
    }

    /** @param registry where {@code wirewatch_dead_letters_total{stage="ingest"}} counts the feeds dead-lettered */
    public FeedAssignment(KafkaConnection kafka, Topic<String, FeedDefinition> topic,
                          Topic<String, DeadLetter> deadLetters, MeterRegistry registry) {
        this.deadLetters = new DeadLetterWriter(kafka, deadLetters, "ingest", Counter.builder("wirewatch.dead.letters")
                .description("records sent to the dead-letter topic").tag("stage", "ingest").register(registry));
        Properties c = kafka.properties();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // positions do not matter: each assignment rereads
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a dead instance's feeds move to the others within about ten seconds
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
        this.thread = new Thread(this::run, "wirewatch-ingest-feeds");
        thread.setDaemon(true);
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
        thread.start();
    }

    /** False when the assignment thread ended without being closed: feeds are no longer taken over or dropped. */
    @Override
    public boolean alive() {
        return !running || thread.getState() == Thread.State.NEW || thread.isAlive();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic.name()), new Rebalance());
            while (running) {
                for (ConsumerRecord<String, FeedDefinition> r : TopicReader.pollPastUnreadable(consumer,
                        Duration.ofMillis(500), deadLetters::write)) {
                    apply(new TopicPartition(r.topic(), r.partition()), r.key(), r.value());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("feed assignment stopped unexpectedly: {}", e.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("feed assignment stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5)); // leaves the group: the others take the feeds over at once
            deadLetters.close();
        }
    }

    private void apply(TopicPartition partition, String url, FeedDefinition definition) {
        Map<String, FeedSettings> feeds = owned.computeIfAbsent(partition, p -> new HashMap<>());
        if (url == null) {
            return;
        }
        if (definition == null) {
            if (feeds.remove(url) != null) {
                listener.feedUnassigned(url);
            }
            return;
        }
        FeedSettings feed = new FeedSettings(definition.url(), definition.name(), definition.pollInterval());
        if (!feed.equals(feeds.put(url, feed))) {
            listener.feedAssigned(feed);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.seekToBeginning(partitions);
            partitions.forEach(p -> owned.putIfAbsent(p, new HashMap<>()));
            LOG.info("ingest: feed partitions assigned {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            List<String> dropped = new ArrayList<>();
            for (TopicPartition p : partitions) {
                Map<String, FeedSettings> feeds = owned.remove(p);
                if (feeds != null) {
                    dropped.addAll(feeds.keySet());
                }
            }
            dropped.forEach(listener::feedUnassigned);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
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
