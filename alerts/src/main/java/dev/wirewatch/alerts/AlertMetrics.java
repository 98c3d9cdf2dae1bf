package dev.wirewatch.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alert service's meters, tagged by sink: delivered, failed attempts, retries, dead-lettered, skipped by the
 * ledger, held back by a mute, pending in groups, delivery latency (detected → delivered) and end-to-end latency (published → delivered).
 *
 * <p>Thread safe. Every per-sink series is registered at start so that dashboards see zeros, not gaps.
 */
public final class AlertMetrics {

    private final MeterRegistry registry;
    private final Counter deadLetters;
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    public AlertMetrics(MeterRegistry registry, List<String> sinkIds) {
        this.registry = registry;
        this.deadLetters = Counter.builder("wirewatch.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", "alerts").register(registry);
        for (String sink : sinkIds) {
            counter("wirewatch.alerts.delivered", "alerts delivered, by sink", sink);
            counter("wirewatch.alerts.failed", "delivery attempts that failed, by sink", sink);
            counter("wirewatch.alerts.retried", "delivery attempts repeated after a retryable failure", sink);
            counter("wirewatch.alerts.dead.lettered", "alerts sent to alerts.dlq after the last attempt", sink);
            counter("wirewatch.alerts.skipped", "alerts skipped because the ledger says they were sent", sink);
            counter("wirewatch.alerts.muted", "alerts held back by a mute, recorded on alerts.muted", sink);
            counter("wirewatch.alerts.follow.ups", "follow-ups sent: a story that alerted reached more sites", sink);
            counter("wirewatch.alerts.follow.ups.failed", "follow-ups not delivered after the last attempt", sink);
            AtomicInteger gauge = pending.computeIfAbsent(sink, s -> new AtomicInteger());
            Gauge.builder("wirewatch.alerts.pending", gauge, AtomicInteger::get)
                    .description("alerts waiting in a group window or for delivery").tag("sink", sink)
                    .register(registry);
            latency(sink);
            endToEnd(sink);
        }
    }

    private Counter counter(String name, String description, String sink) {
        return Counter.builder(name).description(description).tag("sink", sink).register(registry);
    }

    private Timer latency(String sink) {
        return Timer.builder("wirewatch.alerts.delivery.latency").description("time from detection to delivery")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
                .tag("sink", sink).register(registry);
    }

    private DistributionSummary endToEnd(String sink) {
        return DistributionSummary.builder("wirewatch.end.to.end.latency")
                .description("seconds from an article's publication to its alert's delivery").baseUnit("seconds")
                .serviceLevelObjectives(60, 300, 900, 1800, 3600, 7200, 21600, 86400).tag("sink", sink)
                .register(registry);
    }

    public void delivered(String sink, Duration sinceDetected, Duration sincePublished) {
        counter("wirewatch.alerts.delivered", "alerts delivered, by sink", sink).increment();
        latency(sink).record(sinceDetected.isNegative() ? Duration.ZERO : sinceDetected);
        if (sincePublished != null) {
            endToEnd(sink).record(Math.max(0, sincePublished.toMillis() / 1000.0));
        }
    }

    public void failedAttempt(String sink) {
        counter("wirewatch.alerts.failed", "delivery attempts that failed, by sink", sink).increment();
    }

    public void retried(String sink) {
        counter("wirewatch.alerts.retried", "delivery attempts repeated after a retryable failure", sink).increment();
    }

    public void deadLetteredAlert(String sink) {
        counter("wirewatch.alerts.dead.lettered", "alerts sent to alerts.dlq after the last attempt", sink)
                .increment();
    }

    public void skipped(String sink) {
        counter("wirewatch.alerts.skipped", "alerts skipped because the ledger says they were sent", sink)
                .increment();
    }

    public void muted(String sink) {
        counter("wirewatch.alerts.muted", "alerts held back by a mute, recorded on alerts.muted", sink).increment();
    }

    public void followUp(String sink, boolean delivered) {
        if (delivered) {
            counter("wirewatch.alerts.follow.ups", "follow-ups sent: a story that alerted reached more sites", sink)
                    .increment();
        } else {
            counter("wirewatch.alerts.follow.ups.failed", "follow-ups not delivered after the last attempt", sink)
                    .increment();
        }
    }

    public void pending(String sink, int count) {
        pending.computeIfAbsent(sink, s -> new AtomicInteger()).set(count);
    }

    /** A record on the mentions topic that is not a mention, sent to {@code dead-letters}. */
    public void deadLettered() {
        deadLetters.increment();
    }
}
