package dev.wirewatch.alerts.mute;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.TopicFollower;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;

/**
 * Follows {@code alerts.mutes} into a {@link MuteBook} and answers the sink workers' {@link MuteCheck}. A new mute is
 * in force once the tracker has read it (one poll, about 0.1 s; the {@code wirewatch_alerts_mutes_active} gauge shows
 * it). When a mute covers a mention, the tracker first reads every mute change written before the mention was
 * (waiting at most {@link #FRESHNESS_WAIT}), so a mute lifted just before a replay does not hold back the replay;
 * mentions no mute covers never wait. The first check waits until the mutes set before the start are read.
 *
 * <p>{@link #start()} then {@link #close()}; thread safe.
 */
public final class MuteTracker implements MuteCheck, AutoCloseable {

    static final Duration FRESHNESS_WAIT = Duration.ofSeconds(2);
    /** How long the first check waits for the mutes set before the start; a sink must not send what they hold. */
    static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final MuteBook book = new MuteBook();
    private final TopicFollower<Mute> follower;
    private final String topicName;
    private volatile long startedAtMillis = Long.MAX_VALUE;
    private volatile boolean loaded;

    public MuteTracker(KafkaConnection kafka, Topic<String, Mute> topic) {
        this.topicName = topic.name();
        this.follower = new TopicFollower<>(kafka, topic, "wirewatch-alerts-mutes", book::apply);
    }

    public void start() {
        startedAtMillis = System.currentTimeMillis();
        follower.start();
    }

    /** Waits until every mute set before the start is known; false when {@code atMost} passed first. */
    public boolean awaitLoaded(Duration atMost) throws InterruptedException {
        return follower.awaitCaughtUp(startedAtMillis, atMost);
    }

    /** False once the tracker stopped: mutes would no longer apply. */
    public boolean alive() {
        return follower.alive();
    }

    public MuteBook book() {
        return book;
    }

    @Override
    public Optional<Mute> muting(Mention mention, String sinkId, Instant now, long writtenAtMillis)
            throws InterruptedException {
        if (!loaded) {
            if (!awaitLoaded(LOAD_WAIT)) {
                throw new KafkaException("cannot read the mutes on " + topicName + " within " + LOAD_WAIT.toSeconds()
                        + " s; holding delivery back rather than sending what they may mute");
            }
            loaded = true;
        }
        Optional<Mute> mute = book.muting(mention, sinkId, now);
        if (mute.isPresent()) {
            // it may have been lifted just before the mention was written (a replay): read up to then, ask again;
            // a record time in the future (a producer's clock ahead) waits no longer than for now
            follower.awaitCaughtUp(Math.min(writtenAtMillis, System.currentTimeMillis()), FRESHNESS_WAIT);
            mute = book.muting(mention, sinkId, now);
        }
        return mute;
    }

    @Override
    public void close() {
        follower.close();
    }
}
