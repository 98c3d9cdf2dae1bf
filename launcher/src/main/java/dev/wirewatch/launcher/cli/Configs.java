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

    /**
     * The Kafka an operator command talks to: {@code bootstrapServers} when given, else the config's. Prints why and
     * returns null when there is none (no config, an invalid one, or one that starts its own embedded broker).
     */
    static String kafkaOrReport(Path config, String bootstrapServers, PrintWriter err) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return bootstrapServers;
        }
        if (config == null) {
            err.println("give --config FILE or --bootstrap-servers HOST:PORT");
            return null;
        }
        WirewatchConfig loaded = loadOrReport(config, err);
        return loaded == null ? null : kafkaOrReport(loaded, config, bootstrapServers, err);
    }

    /** As {@link #kafkaOrReport(Path, String, PrintWriter)}, for a command that has loaded {@code config} already. */
    static String kafkaOrReport(WirewatchConfig loaded, Path config, String bootstrapServers, PrintWriter err) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return bootstrapServers;
        }
        if (loaded.kafka().embedded()) {
            err.printf("%s: kafka.bootstrapServers is empty: give --bootstrap-servers with the address "
                    + "'wirewatch run' printed%n", config);
            return null;
        }
        return loaded.kafka().bootstrapServers();
    }
}
