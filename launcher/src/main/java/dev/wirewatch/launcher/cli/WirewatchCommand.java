package dev.wirewatch.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The top-level {@code wirewatch} command; every capability is a subcommand.
 */
@Command(name = "wirewatch", mixinStandardHelpOptions = true, version = "Wirewatch 0.1.0",
        description = "Watches news feeds for tracked topics and alerts once per story.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, ProcessCommand.class,
                AlertCommand.class, CheckConfigCommand.class, DedupCommand.class, MatchCommand.class,
                ExtractCommand.class, TopicsCommand.class, AlertsCommand.class, FeedsCommand.class, DeskCommand.class,
                BrokerCommand.class})
public final class WirewatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The configured command line, with usage errors mapped to exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WirewatchCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.BAD_CONFIG;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
