package dev.wirewatch.launcher.cli;

import dev.wirewatch.alerts.mute.MuteBook;
import dev.wirewatch.alerts.mute.MuteReplayer;
import dev.wirewatch.config.SinkSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirewatch alerts mute|unmute|mutes}: hold back alerts on a topic, a story or a source while Wirewatch runs,
 * through the compacted {@code alerts.mutes} topic. The sinks apply a change within a second and record what they
 * hold back on {@code alerts.muted}; lifting a mute sends nothing of it unless asked ({@code --replay}).
 */
final class MuteCommands {

    private MuteCommands() {
    }

    /** Exactly one of the things a mute can be about. */
    static final class Target {
        @Option(names = "--topic", required = true, paramLabel = "ID", description = "a tracked topic's id")
        String topic;

        @Option(names = "--story", required = true, paramLabel = "ID", description = "a story id (desk, alerts)")
        String story;

        @Option(names = "--source", required = true, paramLabel = "NAME",
                description = "a source as alerts name it (the site), ignoring case")
        String source;

        Mute.Scope scope() {
            return topic != null ? Mute.Scope.TOPIC : story != null ? Mute.Scope.STORY : Mute.Scope.SOURCE;
        }

        String value() {
            return topic != null ? topic : story != null ? story : source;
        }
    }

    /** What mute and unmute share: the thing, the sink, and the Kafka. */
    abstract static class MuteTarget extends KafkaTarget {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--sink", paramLabel = "ID", description = "only this sink (default: every sink)")
        String sink;

        /** The Kafka to write to, or null after printing why; checks {@code --sink} against a given config. */
        KafkaConnection kafkaForSink() {
            PrintWriter err = spec.commandLine().getErr();
            if (sink != null && config != null) {
                WirewatchConfig loaded = Configs.loadOrReport(config, err);
                if (loaded == null) {
                    return null;
                }
                List<String> ids = loaded.alerts().sinks().stream().map(SinkSettings::id).toList();
                if (!ids.contains(sink)) {
                    err.printf("--sink %s: no such sink in %s (sinks: %s)%n", sink, config, String.join(", ", ids));
                    return null;
                }
            }
            return kafka();
        }
    }

    @Command(name = "mute", mixinStandardHelpOptions = true,
            description = "Hold back alerts on a topic, a story or a source, for every sink or one, for a while or "
                    + "until unmuted. Held-back alerts are recorded (the desk shows them), not sent.")
    static final class MuteOne extends MuteTarget implements Callable<Integer> {

        @Option(names = "--for", paramLabel = "DURATION",
                description = "how long, as ISO-8601 (PT4H, PT30M, P1D); default: until unmuted")
        String duration;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the other editors")
        String reason;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            Instant until = null;
            if (duration != null) {
                try {
                    until = Mute.endAfter(duration, now);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().printf("--for: %s%n", e.getMessage());
                    return ExitCodes.BAD_CONFIG;
                }
            }
            KafkaConnection kafka = kafkaForSink();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            Mute mute = Mute.of(target.scope(), target.value(), sink, until, now, System.getProperty("user.name"),
                    reason);
            TopicPublisher.publishMute(kafka, Topics.standard().mutes(), mute);
            spec.commandLine().getOut().printf("muted %s %s%n", mute.id(), until == null ? "until unmuted"
                    : "until " + until);
            return ExitCodes.OK;
        }
    }

    @Command(name = "unmute", mixinStandardHelpOptions = true,
            description = "Lift a mute. What it held back stays unsent unless --replay is given, which also works "
                    + "for a mute that ran out or was lifted before. Exit 1 when there is no such mute (and, with "
                    + "--replay, nothing held back by it).")
    static final class Unmute extends MuteTarget implements Callable<Integer> {

        @Option(names = "--replay", description = "also send what the mute held back (each sink that did not send it)")
        boolean replay;

        @Override
        public Integer call() {
            KafkaConnection kafka = kafkaForSink();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            String id = Mute.idOf(target.scope(), target.value(), sink);
            List<Mute> active = active(kafka);
            boolean inForce = active.stream().anyMatch(m -> m.id().equals(id));
            if (!inForce && !replay) {
                spec.commandLine().getErr().printf("no mute %s is in force (in force: %s)%n", id,
                        active.isEmpty() ? "none" : String.join(", ", active.stream().map(Mute::id).toList()));
                return ExitCodes.FAILED;
            }
            if (inForce) {
                TopicPublisher.liftMute(kafka, Topics.standard().mutes(), id);
            }
            if (!replay) {
                spec.commandLine().getOut().printf("unmuted %s; what it held back stays unsent (--replay sends it)%n",
                        id);
                return ExitCodes.OK;
            }
            // a mute that ran out or was lifted before can still send what it held back
            int replayed = new MuteReplayer(kafka, Topics.standard()).replay(id);
            if (!inForce && replayed == 0) {
                spec.commandLine().getErr().printf("no mute %s is in force and nothing held back by it is left%n", id);
                return ExitCodes.FAILED;
            }
            spec.commandLine().getOut().printf("%s %s; %d held-back alert(s) sent to the sinks again%n",
                    inForce ? "unmuted" : "no longer in force:", id, replayed);
            return ExitCodes.OK;
        }
    }

    @Command(name = "mutes", mixinStandardHelpOptions = true, description = "List the mutes in force.")
    static final class ListMutes extends KafkaTarget implements Callable<Integer> {

        @Override
        public Integer call() {
            KafkaConnection kafka = kafka();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            List<Mute> active = active(kafka);
            PrintWriter out = spec.commandLine().getOut();
            if (active.isEmpty()) {
                out.println("no mutes in force");
            }
            for (Mute m : active) {
                out.printf("%s  %s %s, %s, %s, set %s%s%s%n", m.id(), m.scope().label(), m.value(),
                        m.sinkId() == null ? "every sink" : "sink " + m.sinkId(),
                        m.until() == null ? "until unmuted" : "until " + m.until(), m.createdAt(),
                        m.createdBy() == null ? "" : " by " + m.createdBy(),
                        m.reason() == null ? "" : ": " + m.reason());
            }
            return ExitCodes.OK;
        }
    }

    private static List<Mute> active(KafkaConnection kafka) {
        MuteBook book = new MuteBook();
        TopicReader.readToEnd(kafka, Topics.standard().mutes(), book::apply);
        return book.active(Instant.now());
    }
}
