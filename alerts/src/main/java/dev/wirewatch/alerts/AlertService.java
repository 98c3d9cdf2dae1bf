package dev.wirewatch.alerts;

import dev.wirewatch.alerts.copies.CopyCounts;
import dev.wirewatch.alerts.copies.CopyTracker;
import dev.wirewatch.alerts.delivery.SinkWorker;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.alerts.delivery.SupervisedWorker;
import dev.wirewatch.alerts.growth.StoryGrowthTracker;
import dev.wirewatch.alerts.growth.StorySites;
import dev.wirewatch.alerts.mute.MuteTracker;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers committed mentions to every configured sink: one {@link SinkWorker} per sink, each on its own thread with
 * its own consumer group, so one slow or dead sink holds up no other.
 *
 * <p>{@link #start()} starts the workers; {@link #close()} stops them (a batch in flight is delivered after the next
 * start). With {@code flushWhenIdle} (the {@code --once} runs), group windows close as soon as the input is drained.
 */
public final class AlertService implements AutoCloseable {

    /**
     * How long a stopped worker gets to leave on its own before it is interrupted: long enough to wake from a poll
     * and leave its consumer group, short enough that a worker pausing between retries does not hold up close.
     */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /** As long as processing remembers a story by default: copies of older originals no longer matter. */
    private static final Duration COPY_RETENTION = Duration.ofDays(14);

    private final List<SupervisedWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ConfiguredSink> sinks;
    private final KafkaProducer<String, byte[]> producer;
    private final DeliveryTally tally;
    private final AtomicBoolean flushWhenIdle;
    private final CopyCounts copies = new CopyCounts(COPY_RETENTION);
    private final CopyTracker copyTracker;
    private final MuteTracker muteTracker;
    private final StoryGrowthTracker growthTracker;
    private volatile boolean started;
    private volatile boolean stopping;

    public AlertService(String bootstrapServers, Topics topics, List<ConfiguredSink> sinks, MeterRegistry registry,
                        Clock clock, boolean flushWhenIdle) {
        this(bootstrapServers, topics, sinks, registry, clock, flushWhenIdle, Sleeper.SYSTEM);
    }

    public AlertService(String bootstrapServers, Topics topics, List<ConfiguredSink> sinks, MeterRegistry registry,
                        Clock clock, boolean flushWhenIdle, Sleeper sleeper) {
        this(KafkaConnection.plain(bootstrapServers), topics, sinks, registry, clock, flushWhenIdle, sleeper);
    }

    public AlertService(KafkaConnection kafka, Topics topics, List<ConfiguredSink> sinks, MeterRegistry registry,
                        Clock clock, boolean flushWhenIdle, Sleeper sleeper) {
        this.sinks = List.copyOf(sinks);
        this.tally = new DeliveryTally(sinks.stream().map(ConfiguredSink::sink).toList());
        this.flushWhenIdle = new AtomicBoolean(flushWhenIdle);
        Properties p = kafka.properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-alerts");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.copyTracker = new CopyTracker(kafka, topics.duplicates(), copies, clock);
        this.muteTracker = new MuteTracker(kafka, topics.mutes());
        StorySites storySites = new StorySites(COPY_RETENTION);
        // the stories' site counts are read only where a sink follows up on them
        this.growthTracker = sinks.stream().anyMatch(s -> !s.followUpAtSites().isEmpty())
                ? new StoryGrowthTracker(kafka, topics.storyAssignments(), storySites) : null;
        AlertMetrics metrics = new AlertMetrics(registry, sinks.stream().map(s -> s.sink().id()).toList());
        io.micrometer.core.instrument.Gauge.builder("wirewatch.alerts.mutes.active", muteTracker,
                        t -> t.book().active(clock.instant()).size())
                .description("mutes in force, as the alert service has read them").register(registry);
        SinkWorker.Context context = new SinkWorker.Context(kafka, topics, producer, metrics, clock,
                sleeper, RandomGenerator.getDefault(), this.flushWhenIdle::get, tally::settled, copies, muteTracker, storySites);
        for (ConfiguredSink sink : sinks) {
            SupervisedWorker worker = new SupervisedWorker(sink.sink().id(),
                    () -> new SinkWorker(sink.sink(), sink.delivery(), sink.digest(), sink.schedule(),
                            sink.followUpAtSites(), context), registry, clock, sleeper);
            workers.add(worker);
            Thread thread = new Thread(worker, "wirewatch-alerts-" + sink.sink().id());
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    public void start() {
        copyTracker.start();
        muteTracker.start();
        if (growthTracker != null) {
            growthTracker.start();
        }
        threads.forEach(Thread::start);
        started = true;
    }

    /** Duplicate audit records read so far, for "also on N sites". */
    public long copiesSeen() {
        return copyTracker.seen();
    }

    /** From now on, group windows close as soon as a sink has read everything (the end of a {@code --once} run). */
    public void flushWhenIdle() {
        flushWhenIdle.set(true);
    }

    /** The consumer groups of the sinks, for measuring what is still to deliver. */
    public List<String> groupIds() {
        return sinks.stream().map(s -> SinkWorker.groupId(s.sink().id())).toList();
    }

    /**
     * False when a sink's worker gave up after failing again and again, its thread died, or the mutes stopped being
     * followed (liveness).
     */
    public boolean alive() {
        if (started && !stopping && !muteTracker.alive()) {
            return false;
        }
        for (int i = 0; i < workers.size(); i++) {
            if (!workers.get(i).alive() || started && !threads.get(i).isAlive() && !stopping) {
                return false;
            }
        }
        return true;
    }

    /** Distinct mentions delivered to at least one sink since start. */
    public long delivered() {
        return tally.delivered();
    }

    @Override
    public void close() {
        stopping = true;
        workers.forEach(SupervisedWorker::stop);
        awaitWorkers(STOP_GRACE); // a polling worker wakes up and leaves its group
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt); // ends a backoff or rate-limit pause
        awaitWorkers(Duration.ofSeconds(15));
        copyTracker.close();
        muteTracker.close();
        if (growthTracker != null) {
            growthTracker.close();
        }
        producer.close(Duration.ofSeconds(5));
        sinks.forEach(s -> s.sink().close());
    }

    private void awaitWorkers(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
