package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch run --config FILE}: all three services in one process, on the configured Kafka or an embedded
 * broker when none is configured.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run ingest, processing and alerts together (embedded Kafka unless kafka.bootstrapServers is set).")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the YAML configuration")
    Path config;

    @Option(names = "--once", description = "poll every feed once, deliver every alert, print a summary, exit")
    boolean once;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "overrides metrics.port")
    Integer metricsPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WirewatchConfig loaded;
        try {
            loaded = Configs.load(config);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIG;
        }
        return new PipelineRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(loaded, EnumSet.allOf(Pipeline.Service.class), once, metricsPort, false);
    }
}
