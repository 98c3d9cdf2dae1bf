package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.KafkaSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.model.kafka.KafkaConnection;
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
     * The Kafka an operator command talks to: {@code bootstrapServers} when given, else the config's, with the
     * config's TLS/SASL settings when there is a config. Prints why and returns null when there is none (no config,
     * an invalid one, or one that starts its own embedded broker).
     */
    static KafkaConnection kafkaOrReport(Path config, String bootstrapServers, PrintWriter err) {
        if (config == null && bootstrapServers != null && !bootstrapServers.isBlank()) {
            return KafkaConnection.plain(bootstrapServers);
        }
        if (config == null) {
            err.println("give --config FILE or --bootstrap-servers HOST:PORT");
            return null;
        }
        WirewatchConfig loaded = loadOrReport(config, err);
        return loaded == null ? null : kafkaOrReport(loaded, config, bootstrapServers, err);
    }

    /** As {@link #kafkaOrReport(Path, String, PrintWriter)}, for a command that has loaded {@code config} already. */
    static KafkaConnection kafkaOrReport(WirewatchConfig loaded, Path config, String bootstrapServers,
                                         PrintWriter err) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return connection(loaded.kafka().withBootstrapServers(bootstrapServers));
        }
        if (loaded.kafka().embedded()) {
            err.printf("%s: kafka.bootstrapServers is empty: give --bootstrap-servers with the address "
                    + "'wirewatch run' printed%n", config);
            return null;
        }
        return connection(loaded.kafka());
    }

    /** The connection every client of a command or service uses: the servers and the config's TLS/SASL. */
    static KafkaConnection connection(KafkaSettings kafka) {
        return new KafkaConnection(kafka.bootstrapServers(), kafka.clientSecurity());
    }
}
