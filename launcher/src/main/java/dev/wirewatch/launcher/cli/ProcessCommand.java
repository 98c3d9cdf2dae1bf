package dev.wirewatch.launcher.cli;

import dev.wirewatch.launcher.Pipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code wirewatch process --config FILE}: the processing topology alone.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Run the processing topology (dedup, stories, topic matching) against the configured Kafka.")
final class ProcessCommand extends ServiceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return runService(Pipeline.Service.PROCESS);
    }
}
