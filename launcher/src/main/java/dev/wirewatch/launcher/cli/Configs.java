package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigCheck;
import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.processing.match.TopicMatcher;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads configuration with every service's checks, so that {@code check-config} and start-up agree.
 */
final class Configs {

    private static final ConfigCheck QUERIES = config -> TopicMatcher.problems(config.topics());

    private Configs() {
    }

    static WirewatchConfig load(Path file) throws ConfigException {
        return ConfigLoader.load(file, System::getenv, QUERIES);
    }

    static WirewatchConfig parse(String text, String origin, Function<String, String> variables)
            throws ConfigException {
        return ConfigLoader.parse(text, origin, variables, QUERIES);
    }
}
