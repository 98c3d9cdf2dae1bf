package dev.wirewatch.launcher.cli;

import dev.wirewatch.alerts.ConfiguredSink;
import dev.wirewatch.alerts.Sinks;
import dev.wirewatch.alerts.delivery.DlqReplayer;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch alerts mute|unmute|mutes|replay-dlq}: operator commands on alert delivery. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Operate on alert delivery: mute and unmute, list mutes, replay the dead-letter queue.",
        subcommands = {MuteCommands.MuteOne.class, MuteCommands.Unmute.class, MuteCommands.ListMutes.class,
                AlertsCommand.ReplayDlq.class})
final class AlertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "replay-dlq", mixinStandardHelpOptions = true,
            description = "Send the alerts on alerts.dlq again through the sinks that gave up on them (after fixing "
                    + "the sink); what fails again goes back to the queue. Exit 0 when every replayed alert was "
                    + "delivered, 1 otherwise.")
    static final class ReplayDlq implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the config with the sinks")
        Path config;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Kafka to read from; overrides kafka.bootstrapServers of the config")
        String bootstrapServers;

        @Option(names = "--sink", paramLabel = "ID", description = "replay only this sink's dead alerts")
        String sink;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            WirewatchConfig loaded = Configs.loadOrReport(config, spec.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.BAD_CONFIG;
            }
            KafkaConnection kafka = Configs.kafkaOrReport(loaded, config, bootstrapServers, spec.commandLine().getErr());
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            List<ConfiguredSink> sinks = Sinks.from(loaded.alerts().sinks(), Clock.systemUTC());
            if (sink != null && sinks.stream().noneMatch(s -> s.sink().id().equals(sink))) {
                spec.commandLine().getErr().printf("--sink %s: no such sink in %s%n", sink, config);
                return ExitCodes.BAD_CONFIG;
            }
            try {
                DlqReplayer.Result result = new DlqReplayer(kafka, Topics.standard(), sinks, Clock.systemUTC(),
                        Sleeper.SYSTEM).replay(sink);
                spec.commandLine().getOut().printf("replayed: %d delivered, %d failed again (back on alerts.dlq), "
                                + "%d for sinks not in the config, %d for other sinks%n", result.delivered(),
                        result.failedAgain(), result.unknownSink(), result.skipped());
                return result.failedAgain() == 0 && result.unknownSink() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
            } finally {
                sinks.forEach(s -> s.sink().close());
            }
        }
    }
}
