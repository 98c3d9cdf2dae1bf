package dev.wirewatch.alerts.delivery;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.model.Mention;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * A mention waiting in a sink's group, with the input position it came from (its offset is committed only once it
 * has been sent, muted or dead-lettered), when it was written there (its record timestamp, for the mute check) and
 * when it may be sent ({@code releaseAt}, null for at once; set for what quiet hours or a digest hold back).
 *
 * <p>Immutable.
 */
record Pending(Mention mention, Alert alert, TopicPartition partition, long offset, long writtenAt,
               Instant releaseAt) {
}
