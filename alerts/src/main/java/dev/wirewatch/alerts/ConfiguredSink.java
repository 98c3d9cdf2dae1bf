package dev.wirewatch.alerts;

import dev.wirewatch.config.DeliverySettings;
import dev.wirewatch.config.SinkSchedule;
import java.util.List;

/**
 * A sink with its delivery stages' settings: grouping windows, rate limit, retries, whether it sends digests (one
 * group across all topics), its schedule (the zone of its messages, quiet hours, a digest at a time of day), and the
 * site counts at which a story that alerted gets a follow-up (empty: none).
 *
 * <p>Immutable.
 */
public record ConfiguredSink(AlertSink sink, DeliverySettings delivery, boolean digest, SinkSchedule schedule,
                             List<Integer> followUpAtSites) {

    public ConfiguredSink {
        followUpAtSites = followUpAtSites == null ? List.of() : List.copyOf(followUpAtSites);
    }

    /** A sink with the default delivery settings: every mention sent at once, retried, never grouped. */
    public static ConfiguredSink of(AlertSink sink) {
        return new ConfiguredSink(sink, DeliverySettings.DEFAULTS, false, SinkSchedule.NONE, List.of());
    }
}
