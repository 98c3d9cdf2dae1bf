package dev.wirewatch.launcher.cli;

import dev.wirewatch.launcher.Pipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code wirewatch alert --config FILE}: alert delivery alone.
 */
@Command(name = "alert", mixinStandardHelpOptions = true,
        description = "Deliver mentions to the configured alert sinks, reading from the configured Kafka.")
final class AlertCommand extends ServiceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return runService(Pipeline.Service.ALERT);
    }
}
