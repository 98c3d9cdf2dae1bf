package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.processing.match.TopicMatcher;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Loads configuration with every service's checks, so that {@code check-config} and start-up agree.
 */
final class Configs {

    private Configs() {
    }

    static WirewatchConfig load(Path file) throws ConfigException {
        return ConfigLoader.load(file, System::getenv, TopicMatcher.QUERY_CHECK);
    }

    /** Loads {@code file}; prints every problem to {@code err} and returns null when it is invalid. */
    static WirewatchConfig loadOrReport(Path file, PrintWriter err) {
        try {
            return load(file);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
