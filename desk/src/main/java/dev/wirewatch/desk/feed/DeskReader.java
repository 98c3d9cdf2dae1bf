package dev.wirewatch.desk.feed;

import dev.wirewatch.desk.index.ArticleIndex;
import dev.wirewatch.desk.view.DeskChange;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the desk's view and article index up to date: reads every topic the desk shows from its beginning (so a
 * restarted desk rebuilds its view), then follows them, and hands what changed to a listener (the live page).
 *
 * <p>One thread, started by {@link #start()}; a failure of the loop is logged, counted
 * ({@code wirewatch_desk_reader_restarts_total}) and the reader starts over from the beginning after a pause
 * (applying a record twice changes nothing). A record that cannot be read is skipped and counted
 * ({@code wirewatch_desk_unreadable_records_total{topic}}). Changes are announced only once the reader has caught up
 * with the topics as they were at its start, so a restart does not replay old alerts to open pages.
 */
public final class DeskReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final KafkaConnection kafka;
    private final Topics topics;
    private final DeskView view;
    private final ArticleIndex index;
    private final Consumer<List<DeskChange>> listener;
    private final MeterRegistry registry;
    private final Counter restarts;
    private final Duration retention;
    private final Thread thread;
    private Instant newestArticle = Instant.EPOCH;
    private int articlesSinceExpiry;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /** @param retention how long after the newest article's fetch an article stays searchable */
    public DeskReader(KafkaConnection kafka, Topics topics, DeskView view, ArticleIndex index,
                      Consumer<List<DeskChange>> listener, Duration retention, MeterRegistry registry) {
        this.retention = retention;
        this.kafka = kafka;
        this.topics = topics;
        this.view = view;
        this.index = index;
        this.listener = listener;
        this.registry = registry;
        this.restarts = Counter.builder("wirewatch_desk_reader_restarts").description(
                "times the desk's topic reader failed and started over").register(registry);
        for (Topic<?, ?> t : shown()) {
            unreadable(t.name());
        }
        this.thread = new Thread(this::loop, "wirewatch-desk-reader");
        this.thread.setDaemon(true);
    }

    /** Starts reading. */
    public void start() {
        thread.start();
    }

    /** True once the view holds everything the topics held when the reader (last) started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** True while the reader thread runs. */
    public boolean alive() {
        return thread.isAlive();
    }

    private List<Topic<String, ?>> shown() {
        return List.of(topics.articles(), topics.storyAssignments(), topics.mentions(), topics.alertLedger(),
                topics.alertsDlq(), topics.feedStatus(), topics.feeds(), topics.topicDefinitions(), topics.mutes(),
                topics.muted());
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = newConsumer()) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("desk reader woken up unexpectedly; starting over");
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                restarts.increment();
                LOG.error("desk reader failed, starting over from the beginning in {}: {}", RESTART_PAUSE,
                        e.toString());
                caughtUp = false;
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<String, ?> t : shown()) {
            partitions.addAll(TopicReader.partitionsOf(c, t.name()));
        }
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        while (running) {
            List<DeskChange> changes = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                if (r.key() != null) {
                    changes.addAll(apply(r));
                }
            }
            index.refresh();
            if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= ends.get(p))) {
                caughtUp = true;
                LOG.info("desk view rebuilt: {} articles indexed", index.size());
            } else if (caughtUp && !changes.isEmpty()) {
                listener.accept(changes);
            }
        }
    }

    private List<DeskChange> apply(ConsumerRecord<String, byte[]> r) {
        String name = r.topic();
        String key = r.key();
        if (name.equals(topics.articles().name())) {
            Article a = read(topics.articles(), r);
            if (a != null) {
                index.put(a);
                expireOldArticles(a);
            } else if (r.value() == null) {
                index.remove(key);
            }
        } else if (name.equals(topics.storyAssignments().name())) {
            StoryAssignment a = read(topics.storyAssignments(), r);
            if (a != null || r.value() == null) {
                return view.applyAssignment(key, a);
            }
        } else if (name.equals(topics.mentions().name())) {
            return view.applyMention(read(topics.mentions(), r));
        } else if (name.equals(topics.alertLedger().name())) {
            DeliveryRecord d = read(topics.alertLedger(), r);
            if (d != null || r.value() == null) {
                return view.applyDelivery(key, d);
            }
        } else if (name.equals(topics.alertsDlq().name())) {
            DeadAlert d = read(topics.alertsDlq(), r);
            if (d != null || r.value() == null) {
                view.applyDeadAlert(key, d);
            }
        } else if (name.equals(topics.muted().name())) {
            MutedAlert m = read(topics.muted(), r);
            if (m != null || r.value() == null) {
                return view.applyMuted(key, m);
            }
        } else if (name.equals(topics.mutes().name())) {
            Mute m = read(topics.mutes(), r);
            if (m != null || r.value() == null) {
                view.applyMute(key, m);
            }
        } else if (name.equals(topics.feedStatus().name())) {
            FeedStatus s = read(topics.feedStatus(), r);
            if (s != null || r.value() == null) {
                view.applyFeedStatus(key, s);
            }
        } else if (name.equals(topics.feeds().name())) {
            FeedDefinition f = read(topics.feeds(), r);
            if (f != null || r.value() == null) {
                view.applyFeed(key, f);
            }
        } else if (name.equals(topics.topicDefinitions().name())) {
            TopicDefinition t = read(topics.topicDefinitions(), r);
            if (t != null || r.value() == null) {
                view.applyTopic(key, t);
            }
        }
        return List.of();
    }

    private void expireOldArticles(Article a) {
        if (a.fetchedAt().isAfter(newestArticle)) {
            newestArticle = a.fetchedAt();
        }
        if (++articlesSinceExpiry >= DeskView.EVICT_EVERY) {
            index.expireFetchedBefore(newestArticle.minus(retention));
            articlesSinceExpiry = 0;
        }
    }

    /** The record's value, or null for a tombstone or a value that cannot be read (logged and counted). */
    private <V> V read(Topic<String, V> topic, ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
        } catch (RuntimeException e) {
            unreadable(topic.name()).increment();
            LOG.warn("desk: skipping unreadable {} record {} at {}@{}: {}", topic.name(), r.key(), r.partition(),
                    r.offset(), e.getMessage());
            return null;
        }
    }

    private Counter unreadable(String topic) {
        return Counter.builder("wirewatch_desk_unreadable_records").tag("topic", topic)
                .description("records the desk could not read and skipped").register(registry);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-desk");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void pause() {
        try {
            Thread.sleep(RESTART_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
