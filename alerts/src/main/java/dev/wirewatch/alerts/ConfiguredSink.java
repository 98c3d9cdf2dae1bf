package dev.wirewatch.alerts;

import dev.wirewatch.config.DeliverySettings;

/**
 * A sink with its delivery stages' settings: grouping windows, rate limit, retries, and whether it sends digests
 * (one group across all topics).
 *
 * <p>Immutable.
 */
public record ConfiguredSink(AlertSink sink, DeliverySettings delivery, boolean digest) {

    /** A sink with the default delivery settings: every mention sent at once, retried, never grouped. */
    public static ConfiguredSink of(AlertSink sink) {
        return new ConfiguredSink(sink, DeliverySettings.DEFAULTS, false);
    }
}
