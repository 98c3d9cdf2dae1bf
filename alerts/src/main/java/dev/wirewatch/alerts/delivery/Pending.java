package dev.wirewatch.alerts.delivery;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.model.Mention;
import org.apache.kafka.common.TopicPartition;

/**
 * A mention waiting in a sink's group, with the input position it came from (its offset is committed only once it
 * has been sent, muted or dead-lettered) and when it was written there (its record timestamp, for the mute check).
 *
 * <p>Immutable.
 */
record Pending(Mention mention, Alert alert, TopicPartition partition, long offset, long writtenAt) {
}
