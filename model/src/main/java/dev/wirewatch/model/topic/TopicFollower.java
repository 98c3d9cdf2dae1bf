package dev.wirewatch.model.topic;

import dev.wirewatch.model.kafka.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a topic from its beginning on its own thread, without a consumer group (every reader keeps its own copy
 * of what the topic says), handing each record to a callback; tombstones come with a null value, unreadable records
 * are skipped. It also knows how current it is: {@link #awaitCaughtUp} waits until it has read everything written
 * before a given time, which is how a reader makes sure a change acknowledged before that time is in effect.
 *
 * <p>{@link #start()} then {@link #close()}; thread safe. The callback runs on the follower's thread only.
 */
public final class TopicFollower<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, V> consumer;
    private final Topic<String, V> topic;
    private final BiConsumer<String, V> apply;
    private final Duration housekeepingEvery;
    private final Runnable housekeeping;
    private long lastHousekeeping = System.nanoTime(); // the follower's thread only
    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean running = true;
    private volatile long seen;
    private long caughtUpAt = Long.MIN_VALUE; // guarded by progress: wall-clock ms up to which every write was read
    private volatile long wanted = Long.MIN_VALUE; // the latest time a waiter asked for; end offsets only then

    /** A follower that only applies records. */
    public TopicFollower(KafkaConnection kafka, Topic<String, V> topic, String clientId, BiConsumer<String, V> apply) {
        this(kafka, topic, clientId, apply, Duration.ofDays(365), () -> { });
    }

    /**
     * @param housekeeping run on the follower's thread about every {@code housekeepingEvery} (e.g. to expire old
     *                     state)
     */
    public TopicFollower(KafkaConnection kafka, Topic<String, V> topic, String clientId, BiConsumer<String, V> apply,
                         Duration housekeepingEvery, Runnable housekeeping) {
        Properties c = kafka.properties();
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // an idle fetch held by the broker delays the end-offset request behind it: keep both short
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
        this.apply = apply;
        this.housekeepingEvery = housekeepingEvery;
        this.housekeeping = housekeeping;
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Records read so far. */
    public long seen() {
        return seen;
    }

    /** False once the follower has stopped (closed, or ended by an error it logged). */
    public boolean alive() {
        return thread.isAlive();
    }

    /**
     * Waits until everything written to the topic before {@code writtenBeforeMillis} (wall clock, as Kafka's record
     * timestamps) has been handed to the callback; false when {@code atMost} passed first.
     */
    public boolean awaitCaughtUp(long writtenBeforeMillis, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (progress) {
            if (caughtUpAt >= writtenBeforeMillis) {
                return true;
            }
            wanted = Math.max(wanted, writtenBeforeMillis);
            while (caughtUpAt < writtenBeforeMillis) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = TopicReader.partitionsOf(consumer, topic.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                // asking the broker for the end offsets costs a request: only while someone waits for them
                boolean check = waiting();
                long checkedAt = System.currentTimeMillis();
                Map<TopicPartition, Long> ends = check ? consumer.endOffsets(partitions) : Map.of();
                for (ConsumerRecord<String, V> r : TopicReader.pollPastUnreadable(consumer, POLL)) {
                    if (r.key() != null) {
                        apply.accept(r.key(), r.value());
                    }
                    seen++;
                }
                if (System.nanoTime() - lastHousekeeping > housekeepingEvery.toNanos()) {
                    housekeeping.run();
                    lastHousekeeping = System.nanoTime();
                }
                if (check && partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    synchronized (progress) {
                        caughtUpAt = Math.max(caughtUpAt, checkedAt);
                        progress.notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.warn("stopped following {}: {}", topic.name(), e.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("stopped following {}: {}", topic.name(), e.toString());
        } finally {
            running = false;
            synchronized (progress) {
                progress.notifyAll();
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean waiting() {
        synchronized (progress) {
            return caughtUpAt < wanted;
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
