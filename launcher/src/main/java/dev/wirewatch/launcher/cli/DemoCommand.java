package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.demo.DemoConfig;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.demo.DemoFeedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch demo}: the whole pipeline on an embedded broker, fed by the bundled demo sites.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything (embedded Kafka, demo feed server, ingest, processing, alerts) on the demo "
                + "corpus; alerts go to <data-dir>/alerts.jsonl and the console.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--once", description = "poll every feed once, deliver every alert, print a summary, exit")
    boolean once;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./wirewatch-data",
            description = "where Kafka data, processing state and alerts.jsonl live (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "port of /metrics and /health")
    Integer metricsPort;

    @Option(names = "--desk-port", paramLabel = "PORT",
            description = "port of the desk (default 8080, a free one when taken; 0: any free port, -1: no desk)")
    Integer deskPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(dataDir);
        try (DemoFeedServer server = DemoFeedServer.start(DemoCorpus.load())) {
            WirewatchConfig config;
            try {
                config = DemoConfig.load(server.baseUrl(), dataDir);
            } catch (ConfigException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.BAD_CONFIG;
            }
            config = DeskCommand.withDeskPort(config, deskPort, spec.commandLine().getErr());
            if (config == null) {
                return ExitCodes.BAD_CONFIG;
            }
            String password = DemoUser.password();
            String token = DemoUser.token();
            config = config.withDesk(config.desk().withUser(DemoUser.editor(password))
                    .withApiToken(DemoUser.apiToken(token)));
            spec.commandLine().getOut().printf("wirewatch demo: %d demo sites at %s, data in %s%n",
                    server.feedUrls().size(), server.baseUrl(), dataDir.toAbsolutePath());
            return new PipelineRunner(spec.commandLine().getOut(), spec.commandLine().getErr(),
                    "sign in as " + DemoUser.NAME + " with password " + password, token)
                    .run(config, EnumSet.allOf(Pipeline.Service.class), once, metricsPort, true);
        }
    }
}
