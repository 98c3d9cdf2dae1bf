package dev.wirewatch.desk.view;

import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MutedAlert;
import java.util.List;

/**
 * What one sink did: the alerts it sent (newest first), the mentions routed to it that it has neither sent nor given
 * up on nor held back (waiting for their group, or being retried), its dead letters, and the alerts a mute held back
 * (the latest).
 *
 * <p>Immutable.
 */
public record SinkDeliveries(String sinkId, List<AlertEntry> sent, List<Mention> pending, List<DeadAlert> dead,
                             List<MutedAlert> muted) {

    public SinkDeliveries {
        sent = List.copyOf(sent);
        pending = List.copyOf(pending);
        dead = List.copyOf(dead);
        muted = List.copyOf(muted);
    }
}
