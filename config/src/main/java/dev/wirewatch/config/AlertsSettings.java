package dev.wirewatch.config;

import java.util.List;

/**
 * Where alerts go. Defaults to the console alone when no sink is configured.
 *
 * <p>Immutable.
 */
public record AlertsSettings(List<SinkSettings> sinks) {

    public AlertsSettings {
        sinks = sinks == null || sinks.isEmpty() ? List.of(new SinkSettings.Console(null, null, null)) : List.copyOf(sinks);
    }
}
