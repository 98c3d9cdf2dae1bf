package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.ingest.IngestService;
import dev.wirewatch.ingest.IngestSummary;
import dev.wirewatch.ingest.JsonLinesArticleSink;
import dev.wirewatch.launcher.Pipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirewatch ingest --config FILE}: feed polling alone, into Kafka or, with {@code --once --output jsonl},
 * as JSON lines on standard output without any broker.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Poll the configured feeds and produce articles to Kafka (or print them with --output jsonl).")
final class IngestCommand extends ServiceCommand implements Callable<Integer> {

    /** Where articles go. */
    enum Output { kafka, jsonl }

    @Option(names = "--output", paramLabel = "kafka|jsonl", defaultValue = "kafka",
            description = "kafka (default) or jsonl: one article JSON per line on stdout, no broker needed "
                    + "(with --once)")
    Output output;

    @Override
    public Integer call() {
        if (output == Output.kafka) {
            return runService(Pipeline.Service.INGEST);
        }
        if (!once) {
            spec.commandLine().getErr().println("--output jsonl needs --once");
            return ExitCodes.BAD_CONFIG;
        }
        WirewatchConfig loaded = loadConfig();
        if (loaded == null) {
            return ExitCodes.BAD_CONFIG;
        }
        try (IngestService ingest = new IngestService(loaded.feeds(), loaded.ingest(),
                new JsonLinesArticleSink(spec.commandLine().getOut()), new SimpleMeterRegistry(), Clock.systemUTC())) {
            IngestSummary summary = ingest.pollAllOnce();
            summary.failures().forEach(f -> spec.commandLine().getErr().println("failed feed: " + f));
            spec.commandLine().getErr().printf("ingest: %d feeds polled, %d failed, %d articles%n", summary.feedsPolled(),
                    summary.feedsFailed(), summary.articles());
        }
        return ExitCodes.OK;
    }
}
