package dev.wirewatch.alerts;

import dev.wirewatch.config.DeliverySettings;
import dev.wirewatch.config.SinkSchedule;

/**
 * A sink with its delivery stages' settings: grouping windows, rate limit, retries, whether it sends digests (one
 * group across all topics), and its schedule (the zone of its messages, quiet hours, a digest at a time of day).
 *
 * <p>Immutable.
 */
public record ConfiguredSink(AlertSink sink, DeliverySettings delivery, boolean digest, SinkSchedule schedule) {

    /** A sink with the default delivery settings: every mention sent at once, retried, never grouped. */
    public static ConfiguredSink of(AlertSink sink) {
        return new ConfiguredSink(sink, DeliverySettings.DEFAULTS, false, SinkSchedule.NONE);
    }
}
