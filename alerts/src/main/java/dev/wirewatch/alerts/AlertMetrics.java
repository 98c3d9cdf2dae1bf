package dev.wirewatch.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * The alert service's meters, tagged by sink.
 *
 * <p>Thread safe.
 */
final class AlertMetrics {

    private final MeterRegistry registry;
    private final Counter deadLetters;

    AlertMetrics(MeterRegistry registry, List<String> sinkIds) {
        this.registry = registry;
        this.deadLetters = Counter.builder("wirewatch.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", "alerts").register(registry);
        // Registered up front so that dashboards and alert rules see a zero, not a missing series.
        for (String sink : sinkIds) {
            delivered(sink);
            failed(sink);
        }
    }

    private Counter delivered(String sink) {
        return Counter.builder("wirewatch.alerts.delivered").description("alerts delivered by sink").tag("sink", sink)
                .register(registry);
    }

    private Counter failed(String sink) {
        return Counter.builder("wirewatch.alerts.failed").description("alert delivery attempts that failed, by sink")
                .tag("sink", sink).register(registry);
    }

    void delivered(String sink, Duration latency) {
        delivered(sink).increment();
        Timer.builder("wirewatch.alerts.delivery.latency").description("time from detection to delivery")
                .tag("sink", sink).register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    void failedAttempt(String sink) {
        failed(sink).increment();
    }

    void deadLettered() {
        deadLetters.increment();
    }
}
