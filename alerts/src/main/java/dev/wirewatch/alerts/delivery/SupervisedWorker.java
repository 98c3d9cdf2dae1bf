package dev.wirewatch.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one sink's {@link DeliveryLoop} ({@link SinkWorker}) running: when its loop ends without a stop (a Kafka error, a bug), a new
 * worker with a new consumer takes over after a backoff (1 s, doubling to a minute), counted in
 * {@code wirewatch_worker_restarts_total{worker="sink-ID"}}. What the old worker had not committed is read again, and
 * the ledger keeps what it had sent from being sent twice. After {@value #MAX_QUICK_FAILURES} failures in a row,
 * each within {@link #STEADY} of its start, it gives up: {@link #alive()} turns false, so liveness fails and the
 * process is restarted by whatever runs it.
 *
 * <p>Runs on its own thread ({@link #run()}); {@link #stop()} and {@link #alive()} from any thread.
 */
public final class SupervisedWorker implements Runnable {

    static final int MAX_QUICK_FAILURES = 5;
    static final Duration STEADY = Duration.ofMinutes(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SupervisedWorker.class);

    private final String sinkId;
    private final Supplier<? extends DeliveryLoop> workers;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Counter restarts;
    private volatile DeliveryLoop current;
    private volatile boolean running = true;
    private volatile boolean gaveUp;

    public SupervisedWorker(String sinkId, Supplier<? extends DeliveryLoop> workers, MeterRegistry registry, Clock clock,
                            Sleeper sleeper) {
        this.sinkId = sinkId;
        this.workers = workers;
        this.registry = registry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.restarts = Counter.builder("wirewatch.worker.restarts").tag("worker", "sink-" + sinkId)
                .description("workers restarted after their loop ended on an error").register(registry);
        this.current = workers.get();
    }

    @Override
    public void run() {
        int quickFailures = 0;
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            DeliveryLoop worker = current;
            Instant started = clock.instant();
            KafkaClientMetrics lag = worker.consumer() == null ? null : new KafkaClientMetrics(worker.consumer());
            try {
                if (lag != null) {
                    lag.bindTo(registry); // the consumer's lag, for as long as this worker lives
                }
                worker.run();
            } catch (RuntimeException e) {
                LOG.error("sink {}: delivery worker failed: {}", sinkId, e.toString());
            } finally {
                if (lag != null) {
                    lag.close();
                }
            }
            if (!running) {
                return;
            }
            boolean quick = Duration.between(started, clock.instant()).compareTo(STEADY) < 0;
            quickFailures = quick ? quickFailures + 1 : 1;
            backoff = quick ? backoff : FIRST_BACKOFF;
            if (quickFailures >= MAX_QUICK_FAILURES) {
                gaveUp = true;
                LOG.error("sink {}: delivery failed {} times in a row within {} of starting; giving up (liveness "
                        + "fails, so the process is restarted)", sinkId, quickFailures, STEADY);
                return;
            }
            LOG.warn("sink {}: restarting delivery in {}", sinkId, backoff);
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            if (running) {
                restarts.increment();
                current = workers.get();
            }
        }
    }

    /** False once it gave up: the sink delivers nothing until the process restarts. */
    public boolean alive() {
        return !gaveUp;
    }

    /** Stops the current worker and keeps it from being replaced. */
    public void stop() {
        running = false;
        current.stop();
    }
}
