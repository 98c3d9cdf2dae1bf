package dev.wirewatch.desk.view;

import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.Mention;
import java.util.List;

/**
 * What one sink did: the alerts it sent (newest first), the mentions routed to it that it has neither sent nor given
 * up on (waiting for their group, or being retried), and its dead letters.
 *
 * <p>Immutable.
 */
public record SinkDeliveries(String sinkId, List<AlertEntry> sent, List<Mention> pending, List<DeadAlert> dead) {

    public SinkDeliveries {
        sent = List.copyOf(sent);
        pending = List.copyOf(pending);
        dead = List.copyOf(dead);
    }
}
