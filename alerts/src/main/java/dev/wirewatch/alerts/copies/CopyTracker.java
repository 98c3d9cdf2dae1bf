package dev.wirewatch.alerts.copies;

import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicFollower;
import java.time.Clock;
import java.time.Duration;

/**
 * Follows the {@code duplicates} topic from its beginning into {@link CopyCounts}, on its own thread. It reads no
 * consumer group (every alert service keeps its own counts) and skips records it cannot read: counts are a courtesy
 * in the message, and delivery goes on without them.
 *
 * <p>{@link #start()} then {@link #close()}; thread safe.
 */
public final class CopyTracker implements AutoCloseable {

    private static final Duration EXPIRE_EVERY = Duration.ofMinutes(10);

    private final TopicFollower<Duplicate> follower;

    public CopyTracker(KafkaConnection kafka, Topic<String, Duplicate> topic, CopyCounts counts, Clock clock) {
        this.follower = new TopicFollower<>(kafka, topic, "wirewatch-alerts-copies", (key, duplicate) -> {
            if (duplicate != null) {
                counts.add(duplicate);
            }
        }, EXPIRE_EVERY, () -> counts.expire(clock.instant()));
    }

    public void start() {
        follower.start();
    }

    /** Duplicate records read so far. */
    public long seen() {
        return follower.seen();
    }

    @Override
    public void close() {
        follower.close();
    }
}
