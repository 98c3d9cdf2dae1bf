package dev.wirewatch.alerts.growth;

import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicFollower;
import java.time.Duration;

/**
 * Follows {@code story-assignments} from its beginning into {@link StorySites}, on its own thread, for the sinks'
 * follow-ups ("now on 5 sites"), and marks the counts ready once everything written before the start is applied.
 * No consumer group: every alert service keeps its own counts.
 *
 * <p>{@link #start()} then {@link #close()}; thread safe.
 */
public final class StoryGrowthTracker implements AutoCloseable {

    private static final Duration EXPIRE_EVERY = Duration.ofMinutes(10);

    private final TopicFollower<StoryAssignment> follower;
    private final StorySites sites;

    public StoryGrowthTracker(KafkaConnection kafka, Topic<String, StoryAssignment> topic, StorySites sites) {
        this.sites = sites;
        this.follower = new TopicFollower<>(kafka, topic, "wirewatch-alerts-story-growth", sites::apply,
                EXPIRE_EVERY, sites::expire);
    }

    public void start() {
        long startedAt = System.currentTimeMillis();
        follower.start();
        Thread ready = new Thread(() -> {
            try {
                if (follower.awaitCaughtUp(startedAt, Duration.ofMinutes(30))) {
                    sites.markReady();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wirewatch-alerts-story-growth-ready");
        ready.setDaemon(true);
        ready.start();
    }

    @Override
    public void close() {
        follower.close();
    }
}
