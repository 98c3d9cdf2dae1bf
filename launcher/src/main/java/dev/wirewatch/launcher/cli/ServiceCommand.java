package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import java.nio.file.Path;
import java.util.EnumSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands that run services from a config file share: {@code --config}, {@code --once},
 * {@code --metrics-port}. The single-service ones ({@code ingest}, {@code process}, {@code alert}) run against an
 * existing Kafka named by {@code kafka.bootstrapServers}.
 */
abstract class ServiceCommand {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the YAML configuration")
    Path config;

    @Option(names = "--once", description = "one pass: poll every feed once / process and deliver until nothing is "
            + "in flight; print a summary and exit")
    boolean once;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "overrides metrics.port")
    Integer metricsPort;

    @Spec
    CommandSpec spec;

    /** Loads the config; prints the problems and returns null when it is invalid. */
    WirewatchConfig loadConfig() {
        return Configs.loadOrReport(config, spec.commandLine().getErr());
    }

    int runService(Pipeline.Service service) {
        WirewatchConfig loaded = loadConfig();
        if (loaded == null) {
            return ExitCodes.BAD_CONFIG;
        }
        if (loaded.kafka().embedded()) {
            spec.commandLine().getErr().printf("%s: kafka.bootstrapServers is empty: '%s' runs one service against "
                    + "a running Kafka; set it, or use 'wirewatch run' for all services on an embedded broker%n",
                    config, spec.name());
            return ExitCodes.BAD_CONFIG;
        }
        return new PipelineRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(loaded, EnumSet.of(service), once, metricsPort, false);
    }
}
