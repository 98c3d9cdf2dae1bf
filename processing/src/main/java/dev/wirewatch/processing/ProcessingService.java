package dev.wirewatch.processing;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.decode.DeadLetterOnUnreadable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ProcessingTopology} with exactly-once (v2) processing against a Kafka cluster.
 *
 * <p>{@link #start(Duration)} returns once the application is RUNNING; {@link #close()} stops it. Not thread safe.
 */
public final class ProcessingService implements AutoCloseable {

    /** The Streams application id; also the consumer group and the prefix of internal topics. */
    public static final String APPLICATION_ID = "wirewatch-processing";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingService.class);
    /** The processing producers' transaction timeout: room for a triage task's rebuild at a few million retained. */
    static final int TRANSACTION_TIMEOUT_MS = 60_000;

    private final KafkaStreams streams;
    private final ProcessingMetrics metrics;
    private final KafkaStreamsMetrics streamsMetrics;

    public ProcessingService(String bootstrapServers, Path stateDir, Topics topics, ProcessingSettings settings,
                             MeterRegistry registry) {
        this(KafkaConnection.plain(bootstrapServers), stateDir, topics, settings, registry);
    }

    /** The topology's clients (consumers, producers, admin, restore) all use {@code kafka}'s security settings. */
    public ProcessingService(KafkaConnection kafka, Path stateDir, Topics topics, ProcessingSettings settings,
                             MeterRegistry registry) {
        this.metrics = new ProcessingMetrics(registry);
        Properties props = kafka.properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1); // the cluster's default, 1 on the embedded broker
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PostingsRocksDBConfig.class);
        // A triage task that starts rebuilds its word counts from triage-term-sets and triage-epoch-counts (and, a
        // smaller part, its edge fingerprints from triage-fingerprint-sets) before its first article, on the stream
        // thread, while the thread's transaction may be open: 10–20 µs per article of the current epoch, up to 10 s
        // at half a million, past Streams' exactly-once default of 10 s (the broker would abort and the task start
        // over).
        // The price: after a crash, a transaction left open by an instance that never comes back holds up
        // read_committed readers until this passes (an instance restarted on its state directory fences it at once).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), TRANSACTION_TIMEOUT_MS);
        // The features and match tasks run in parallel, one per articles partition; triage is one task. More threads
        // than cores only add switching, so the default is one per core (processing.streamThreads).
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        // A standby keeps a warm copy of triage's state on another instance, so a failover does not first replay
        // the changelogs (processing.standbyReplicas; ignored while only one instance runs).
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        // Static membership: a restart on the same state directory takes its partitions back at once instead of
        // waiting for the previous member's session to time out (Streams members do not leave on close).
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId(stateDir));
        // On a first start Streams creates triage-input's repartition topic during the first rebalance, and the
        // changed metadata asks for a second one, which each stream thread learns of at its next heartbeat: 3 s by
        // default, 1.8 s of a first start's 4.8 (demo). A heartbeat is one small request per thread.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 500);
        // The topic definitions (a global store) are read to their end before any task runs, and a fetch at the end
        // of a partition waits for data up to this long: 500 ms by default, 1.2 s of every start (demo); a topic's
        // edit is then seen within 50 ms too, for an empty fetch every 50 ms while nothing changes.
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        // A topic definition (or any typed input) that does not decode is dead-lettered, not fatal.
        props.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnUnreadable.class);
        props.put(DeadLetterOnUnreadable.TOPIC, topics.deadLetters());
        props.put(DeadLetterOnUnreadable.ON_DEAD_LETTER, (Runnable) metrics::deadLettered);
        this.streams = new KafkaStreams(ProcessingTopology.build(topics, settings, metrics), props);
        this.streamsMetrics = new KafkaStreamsMetrics(streams); // Streams and client metrics, consumer lag included
        streamsMetrics.bindTo(registry);
        // Streams reports its state as a string, which Prometheus cannot graph or alert on: a 0/1 gauge can
        Gauge.builder("wirewatch.streams.running", streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 while the processing topology is RUNNING, else 0").register(registry);
        // A bug in a processor (not bad data, which is dead-lettered) stops the client rather than spinning.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("processing stopped by an unexpected error", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** A stable id for this state directory: one directory serves one instance (Streams locks it). */
    private static String instanceId(Path stateDir) {
        Path file = stateDir.resolve("wirewatch-instance.id");
        try {
            Files.createDirectories(stateDir);
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = APPLICATION_ID + "-" + UUID.randomUUID();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the processing instance id in " + file, e);
        }
    }

    /** Starts processing and waits up to {@code timeout} for the RUNNING state. */
    public void start(Duration timeout) throws TimeoutException {
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.info("processing: {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        try {
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("processing did not reach RUNNING within " + timeout + " (state "
                        + streams.state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while starting processing");
        }
    }

    /** The current Kafka Streams state, for health checks. */
    /** False once the topology is in ERROR (an uncaught exception shut it down): liveness. */
    public boolean alive() {
        KafkaStreams.State state = streams.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public ProcessingMetrics metrics() {
        return metrics;
    }

    /**
     * Stops processing and leaves the consumer group (removing this static member), so that the partitions move
     * to the other instances at once.
     */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        streamsMetrics.close();
    }
}
