package dev.wirewatch.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One alert destination, chosen by its {@code type}. Every sink has an optional {@code id} (defaults to the type)
 * and an optional list of topic ids it receives (empty: all topics).
 *
 * <p>Immutable. An unknown or missing type loads as {@link Invalid} so that validation can report it with its line.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true, defaultImpl = SinkSettings.Invalid.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = SinkSettings.File.class, name = "file"),
        @JsonSubTypes.Type(value = SinkSettings.Console.class, name = "console")
})
public sealed interface SinkSettings {

    /** The sink's id, unique among sinks. */
    String id();

    /** Topic ids routed to this sink; empty for all. */
    List<String> topics();

    /** Appends each alert as one JSON line to {@code path}. */
    @JsonIgnoreProperties("type")
    record File(String id, List<String> topics, String path) implements SinkSettings {
        public File {
            id = id == null || id.isBlank() ? "file" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /** Prints each alert as one readable line on standard output. */
    @JsonIgnoreProperties("type")
    record Console(String id, List<String> topics) implements SinkSettings {
        public Console {
            id = id == null || id.isBlank() ? "console" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /** A sink whose type is missing or unknown; never valid, kept only to report it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invalid(String type, String id, List<String> topics) implements SinkSettings {
        public Invalid {
            topics = topics == null ? List.of() : topics;
        }
    }

    /** The type names accepted in {@code alerts.sinks[].type}. */
    static List<String> typeNames() {
        return List.of("file", "console");
    }
}
