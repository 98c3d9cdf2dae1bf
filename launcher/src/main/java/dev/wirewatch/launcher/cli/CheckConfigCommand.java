package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.WirewatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch check-config FILE}: validates a configuration file and lists every problem with its line.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a config file; exit 2 and list every problem (file:line: key: what) when invalid.")
final class CheckConfigCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the YAML configuration to check")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            WirewatchConfig config = Configs.load(file);
            spec.commandLine().getOut().printf("%s: OK (%d feeds, %d topics, %d alert sinks, kafka %s)%n", file,
                    config.feeds().size(), config.topics().size(), config.alerts().sinks().size(),
                    config.kafka().embedded() ? "embedded in " + config.kafka().dataDir()
                            : config.kafka().bootstrapServers());
            return ExitCodes.OK;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().printf("%s: %d problem%s%n", file, e.problems().size(),
                    e.problems().size() == 1 ? "" : "s");
            return ExitCodes.BAD_CONFIG;
        }
    }
}
