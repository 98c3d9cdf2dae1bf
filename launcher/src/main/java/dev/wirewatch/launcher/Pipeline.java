package dev.wirewatch.launcher;

import dev.wirewatch.alerts.AlertService;
import dev.wirewatch.alerts.Sinks;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.alerts.mute.MuteReplayer;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.desk.Desk;
import dev.wirewatch.ingest.IngestService;
import dev.wirewatch.ingest.IngestSummary;
import dev.wirewatch.ingest.KafkaArticleSink;
import dev.wirewatch.ingest.assign.FeedAssignment;
import dev.wirewatch.ingest.state.KafkaIngestState;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.desk.DeskReplay;
import dev.wirewatch.launcher.disk.DataDirSpace;
import dev.wirewatch.launcher.once.Backlog;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.ProcessingService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the chosen services to one Kafka cluster (an embedded broker when the config names none), creates the
 * topics, and runs them either continuously or {@link #runOnce() once}.
 *
 * <p>Not thread safe; one pipeline per process. {@link #close()} stops the services in reverse order of start.
 */
public final class Pipeline implements AutoCloseable {

    /** The services a pipeline can run. */
    public enum Service { INGEST, PROCESS, ALERT, DESK }

    /** What a {@code --once} run did. Counts of services not run in this process are -1. */
    public record Summary(int feedsPolled, int feedsFailed, int articles, long duplicatesDropped, long mentions,
                          long alertsDelivered) {
        public String describe() {
            return String.format("feeds polled %d, failed %d; articles %d; duplicates dropped %d; mentions %d; "
                    + "alerts delivered %d", feedsPolled, feedsFailed, articles, duplicatesDropped, mentions,
                    alertsDelivered);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration KAFKA_CHECK_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(Long.getLong("wirewatch.drainTimeoutMinutes", 4));

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Set<Service> services;
    private final Topics topics = Topics.standard();
    private final KafkaConnection kafka;
    private final Admin admin;
    private IngestService ingest;
    private ProcessingService processing;
    private AlertService alerts;
    private Desk desk;
    private long kafkaCheckedAt = System.nanoTime() - Duration.ofMinutes(1).toNanos();
    private boolean kafkaReachable;

    private Pipeline(Set<Service> services, KafkaConnection kafka, Admin admin) {
        this.services = services;
        this.kafka = kafka;
        this.admin = admin;
    }

    /** Starts the broker if needed, the topics, and processing and alerts; ingest starts in run/runOnce. */
    public static Pipeline start(WirewatchConfig config, Set<Service> services, MeterRegistry registry, Clock clock) {
        Deque<AutoCloseable> early = new ArrayDeque<>();
        try {
            DataDirSpace space = new DataDirSpace(Path.of(config.kafka().dataDir()), config.kafka().minFreeDiskMb());
            space.requireMinimum();
            space.register(registry);
            KafkaConnection kafka = new KafkaConnection(config.kafka().bootstrapServers(),
                    config.kafka().clientSecurity());
            if (config.kafka().embedded()) {
                EmbeddedKafka broker = EmbeddedKafka.start(Path.of(config.kafka().dataDir()),
                        config.kafka().partitions(), START_TIMEOUT);
                early.push(broker);
                kafka = KafkaConnection.plain(broker.bootstrapServers());
            }
            Admin admin = Admin.create(kafka.properties());
            early.push(admin);
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(Topics.standard().all(),
                    config.kafka().partitions());
            Pipeline pipeline = new Pipeline(EnumSet.copyOf(services), kafka, admin);
            pipeline.started.addAll(early);
            early.clear();
            pipeline.startServices(config, registry, clock);
            return pipeline;
        } catch (RuntimeException | TimeoutException e) {
            early.forEach(Pipeline::closeQuietly);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void startServices(WirewatchConfig config, MeterRegistry registry, Clock clock) throws TimeoutException {
        try {
            if (services.contains(Service.PROCESS)) {
                TopicPublisher.publish(kafka, topics.topicDefinitions(), config.topics());
                processing = new ProcessingService(kafka, Path.of(config.kafka().dataDir(), "streams"),
                        topics, config.processing(), registry);
                started.push(processing);
                // Wait here, before the desk starts: Lucene's IndexWriter and ConcurrentMergeScheduler initialize
                // each other, so the desk's index writer config (this thread) and the topic matcher's index writer
                // (a stream thread, while its task starts) initializing them at once deadlock both (seen).
                processing.start(START_TIMEOUT);
            }
            if (services.contains(Service.ALERT)) {
                alerts = new AlertService(kafka, topics, Sinks.from(config.alerts().sinks(), clock),
                        registry, clock, false, Sleeper.SYSTEM);
                started.push(alerts);
                alerts.start();
            }
            if (services.contains(Service.DESK) && config.desk().enabled()) {
                Map<String, SinkRoute> routes = new LinkedHashMap<>();
                config.alerts().sinks().forEach(s -> routes.put(s.id(), SinkRoute.of(s)));
                desk = Desk.start(config.desk(), kafka, topics, routes,
                        Path.of(config.kafka().dataDir(), "desk-index"),
                        new DeskReplay(kafka, topics, config.alerts().sinks(), clock),
                        new MuteReplayer(kafka, topics)::replay, registry, clock);
                started.push(desk);
            }
            if (services.contains(Service.INGEST)) {
                TopicPublisher.publishFeeds(kafka, topics.feeds(), config.feeds());
                ingest = new IngestService(config.feeds(), config.ingest(),
                        new KafkaArticleSink(kafka, topics.articles(), registry),
                        new KafkaIngestState(kafka, topics.ingested(), topics.feedStatus(), clock),
                        new FeedAssignment(kafka, topics.feeds(), topics.deadLetters(), registry), registry, clock);
                started.push(ingest);
            }
        } catch (RuntimeException | TimeoutException e) {
            close();
            throw e;
        }
    }

    /** The port the desk listens on, or -1 when it does not run here. */
    public int deskPort() {
        return desk == null ? -1 : desk.port();
    }

    /** The Kafka the services talk to. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * True when Kafka answers, where processing runs here its topology is RUNNING, and where the desk runs here its
     * view has caught up with the topics (readiness).
     */
    public boolean ready() {
        return (processing == null || processing.state() == KafkaStreams.State.RUNNING)
                && (desk == null || desk.caughtUp()) && kafkaReachable();
    }

    /**
     * True unless a component here is dead for good: the topology in ERROR, a sink's worker that gave up, ingest's
     * feed source or scheduler gone, the desk's reader gone (liveness; Kafka being away is readiness, not this).
     */
    public boolean alive() {
        return (processing == null || processing.alive()) && (alerts == null || alerts.alive())
                && (ingest == null || ingest.alive()) && (desk == null || desk.alive());
    }

    /** Whether the cluster answered a metadata request within two seconds; asked at most every five seconds. */
    private synchronized boolean kafkaReachable() {
        long now = System.nanoTime();
        if (now - kafkaCheckedAt > KAFKA_CHECK_INTERVAL.toNanos()) {
            try {
                admin.describeCluster().nodes().get(2, java.util.concurrent.TimeUnit.SECONDS);
                kafkaReachable = true;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                kafkaReachable = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kafkaReachable = false;
            }
            kafkaCheckedAt = now;
        }
        return kafkaReachable;
    }

    /** Starts polling feeds on their intervals; returns at once. */
    public void run() {
        if (ingest != null) {
            ingest.start();
        }
    }

    /**
     * Polls every feed once, then waits until processing and alerting have nothing left in flight.
     *
     * @throws IllegalStateException when the pipeline does not drain within four minutes
     */
    public Summary runOnce() {
        IngestSummary polled = ingest == null ? null : ingest.pollAllOnce();
        if (polled != null) {
            polled.failures().forEach(f -> LOG.warn("feed failed: {}", f));
        }
        if (alerts != null) {
            alerts.flushWhenIdle();
        }
        awaitDrained();
        return new Summary(
                polled == null ? -1 : polled.feedsPolled(),
                polled == null ? -1 : polled.feedsFailed(),
                polled == null ? -1 : polled.articles(),
                processing == null ? -1 : processing.metrics().duplicatesDropped(),
                processing == null ? -1 : processing.metrics().mentionsEmitted(),
                alerts == null ? -1 : alerts.delivered());
    }

    private void awaitDrained() {
        Backlog backlog = new Backlog(admin);
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        int quietChecks = 0;
        // Three empty checks in a row: a commit of one stage can put new work before the next stage.
        while (quietChecks < 3) {
            long processingBehind = processing == null ? 0 : backlog.of(ProcessingService.APPLICATION_ID,
                    t -> t.equals(topics.articles().name())
                            || (t.startsWith(ProcessingService.APPLICATION_ID + "-") && t.endsWith("-repartition")));
            long alertsBehind = 0;
            for (String group : alerts == null ? List.<String>of() : alerts.groupIds()) {
                alertsBehind += backlog.of(group, t -> t.equals(topics.mentions().name()));
            }
            quietChecks = processingBehind + alertsBehind == 0 ? quietChecks + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not drained after " + DRAIN_TIMEOUT + ": processing is "
                        + processingBehind + " records behind, alerts " + alertsBehind);
            }
            sleep(Duration.ofMillis(300));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }
}
