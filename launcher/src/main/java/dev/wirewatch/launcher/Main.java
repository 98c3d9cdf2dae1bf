package dev.wirewatch.launcher;

import dev.wirewatch.launcher.cli.WirewatchCommand;
import picocli.CommandLine;

/**
 * Entry point of the {@code wirewatch} command.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(WirewatchCommand.commandLine().execute(args));
    }
}
