package dev.wirewatch.alerts;

import java.util.List;

/**
 * What one message of a sink carries: the alerts of one group (one topic, or every topic for a digest), in the order
 * they were detected.
 *
 * <p>Immutable; {@code alerts} is never empty.
 */
public record AlertBatch(List<Alert> alerts) {

    public AlertBatch {
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one alert");
        }
    }

    public static AlertBatch of(Alert... alerts) {
        return new AlertBatch(List.of(alerts));
    }

    /** The topics of the batch, in first-seen order. */
    public List<String> topicNames() {
        return alerts.stream().map(Alert::topicName).distinct().toList();
    }
}
