package dev.wirewatch.alerts;

import dev.wirewatch.alerts.console.ConsoleSink;
import dev.wirewatch.alerts.file.FileSink;
import dev.wirewatch.config.SinkSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the configured sinks.
 *
 * <p>Stateless and thread safe.
 */
public final class Sinks {

    private Sinks() {
    }

    /** One sink per setting, in configuration order. Settings are assumed validated. */
    public static List<AlertSink> from(List<SinkSettings> settings) {
        return settings.stream().map(Sinks::from).toList();
    }

    private static AlertSink from(SinkSettings s) {
        if (s instanceof SinkSettings.File f) {
            return new FileSink(f.id(), TopicRoute.of(f.topics()), Path.of(f.path()));
        }
        if (s instanceof SinkSettings.Console c) {
            return new ConsoleSink(c.id(), TopicRoute.of(c.topics()), System.out);
        }
        throw new IllegalArgumentException("sink '" + s.id() + "' has no known type");
    }
}
