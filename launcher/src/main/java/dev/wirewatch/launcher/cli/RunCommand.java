package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirewatch run --config FILE}: all three services in one process, on the configured Kafka or an embedded
 * broker when none is configured.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run ingest, processing and alerts together (embedded Kafka unless kafka.bootstrapServers is set).")
final class RunCommand extends ServiceCommand implements Callable<Integer> {

    @Option(names = "--desk-port", paramLabel = "PORT", description = "overrides desk.port (0: any free port, -1: no desk)")
    Integer deskPort;

    @Override
    public Integer call() {
        WirewatchConfig loaded = loadConfig();
        if (loaded == null) {
            return ExitCodes.BAD_CONFIG;
        }
        loaded = DeskCommand.withDeskPort(loaded, deskPort, spec.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.BAD_CONFIG;
        }
        return new PipelineRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(loaded, EnumSet.allOf(Pipeline.Service.class), once, metricsPort, false);
    }
}
