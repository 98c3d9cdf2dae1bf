package dev.wirewatch.launcher.desk;

import dev.wirewatch.alerts.ConfiguredSink;
import dev.wirewatch.alerts.Sinks;
import dev.wirewatch.alerts.delivery.DlqReplayer;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.config.SinkSettings;
import dev.wirewatch.desk.edit.DlqReplay;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import java.time.Clock;
import java.util.List;

/**
 * The desk's replay button, wired to the alert service's {@link DlqReplayer} with the configured sinks (the desk
 * itself does not depend on the alerts module).
 *
 * <p>Thread safe: replays are serialized, as the replayer's consumer group requires.
 */
public final class DeskReplay implements DlqReplay {

    private final KafkaConnection kafka;
    private final Topics topics;
    private final List<SinkSettings> sinks;
    private final Clock clock;

    public DeskReplay(KafkaConnection kafka, Topics topics, List<SinkSettings> sinks, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
    }

    @Override
    public synchronized Outcome replay(String sinkId) throws InterruptedException {
        if (sinks.stream().noneMatch(s -> s.id().equals(sinkId))) {
            throw new IllegalArgumentException("no sink '" + sinkId + "' is configured here");
        }
        List<ConfiguredSink> configured = Sinks.from(sinks, clock);
        try {
            DlqReplayer.Result result = new DlqReplayer(kafka, topics, configured, clock, Sleeper.SYSTEM)
                    .replay(sinkId);
            return new Outcome(result.delivered(), result.failedAgain());
        } finally {
            configured.forEach(s -> s.sink().close());
        }
    }
}
