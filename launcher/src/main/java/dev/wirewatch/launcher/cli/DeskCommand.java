package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.desk.auth.PasswordHashes;
import dev.wirewatch.launcher.Pipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch desk --config FILE}: the editors' desk alone, against {@code kafka.bootstrapServers}; and
 * {@code wirewatch desk hash-password}, which makes a {@code desk.users[].passwordHash}.
 */
@Command(name = "desk", mixinStandardHelpOptions = true,
        description = "Serve the editors' desk (pages and /api/v1) against a running Kafka.",
        subcommands = {DeskCommand.HashPassword.class})
final class DeskCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "the YAML configuration (required to serve)")
    Path config;

    @Option(names = "--desk-port", paramLabel = "PORT", description = "overrides desk.port")
    Integer deskPort;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "overrides metrics.port")
    Integer metricsPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (config == null) {
            err.println("desk: give --config FILE (the desk reads kafka.bootstrapServers and desk.* from it)");
            return ExitCodes.BAD_CONFIG;
        }
        WirewatchConfig loaded = Configs.loadOrReport(config, err);
        if (loaded == null) {
            return ExitCodes.BAD_CONFIG;
        }
        loaded = withDeskPort(loaded, deskPort, err);
        if (loaded == null) {
            return ExitCodes.BAD_CONFIG;
        }
        if (loaded.kafka().embedded()) {
            err.printf("%s: kafka.bootstrapServers is empty: 'desk' serves the desk of a running Wirewatch; set it, "
                    + "or use 'wirewatch run', which serves the desk too%n", config);
            return ExitCodes.BAD_CONFIG;
        }
        if (!loaded.desk().enabled()) {
            err.printf("%s: desk.port is -1 (the desk is off)%n", config);
            return ExitCodes.BAD_CONFIG;
        }
        return new PipelineRunner(spec.commandLine().getOut(), err)
                .run(loaded, EnumSet.of(Pipeline.Service.DESK), false, metricsPort, false);
    }

    /** {@code loaded} with {@code --desk-port} applied; null (with the reason printed) for a port out of range. */
    static WirewatchConfig withDeskPort(WirewatchConfig loaded, Integer deskPort, PrintWriter err) {
        if (deskPort == null) {
            return loaded;
        }
        if (deskPort < -1 || deskPort > 65535) {
            err.println("--desk-port " + deskPort + ": expected 1-65535, 0 for any free port, or -1 for no desk");
            return null;
        }
        return loaded.withDesk(loaded.desk().withPort(deskPort));
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Read a password on standard input (one line) and print its bcrypt hash for "
                    + "desk.users[].passwordHash.")
    static final class HashPassword implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (System.console() != null) {
                spec.commandLine().getErr().print("password: ");
                spec.commandLine().getErr().flush();
            }
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    .readLine();
            if (password == null || password.isEmpty()) {
                spec.commandLine().getErr().println("hash-password: no password on standard input");
                return ExitCodes.BAD_CONFIG;
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
                spec.commandLine().getErr().println("hash-password: bcrypt reads at most 72 bytes; use a shorter "
                        + "password");
                return ExitCodes.BAD_CONFIG;
            }
            spec.commandLine().getOut().println(PasswordHashes.hash(password));
            return ExitCodes.OK;
        }
    }
}
