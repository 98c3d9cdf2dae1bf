package dev.wirewatch.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The alert service's meters, tagged by sink.
 *
 * <p>Thread safe.
 */
final class AlertMetrics {

    private final MeterRegistry registry;
    private final Counter deadLetters;

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deadLetters = Counter.builder("wirewatch.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", "alerts").register(registry);
    }

    void delivered(String sink, Duration latency) {
        Counter.builder("wirewatch.alerts.delivered").description("alerts delivered by sink").tag("sink", sink)
                .register(registry).increment();
        Timer.builder("wirewatch.alerts.delivery.latency").description("time from detection to delivery")
                .tag("sink", sink).register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    void failed(String sink) {
        Counter.builder("wirewatch.alerts.failed").description("alert delivery attempts that failed, by sink")
                .tag("sink", sink).register(registry).increment();
    }

    void deadLettered() {
        deadLetters.increment();
    }
}
