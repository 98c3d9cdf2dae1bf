package dev.wirewatch.model;

import java.util.List;

/**
 * A tracked topic as published on the compacted {@code topics} topic (key = id; a tombstone removes the topic), so
 * that topics can be added, edited and removed while Wirewatch runs.
 *
 * <p>Immutable. {@code name} defaults to the id; {@code description} may be null; {@code labels} (for routing topics
 * to sinks by label) is never null and may be empty; {@code urgent} topics pass a sink's quiet hours and digest.
 */
public record TopicDefinition(int schemaVersion, String id, String name, String query, String description,
                              List<String> labels, boolean urgent) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public TopicDefinition {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (id == null || id.isBlank() || query == null || query.isBlank()) {
            throw new IllegalArgumentException("TopicDefinition needs an id and a query");
        }
        name = name == null || name.isBlank() ? id : name;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static TopicDefinition of(String id, String name, String query, String description) {
        return of(id, name, query, description, List.of());
    }

    public static TopicDefinition of(String id, String name, String query, String description, List<String> labels) {
        return of(id, name, query, description, labels, false);
    }

    public static TopicDefinition of(String id, String name, String query, String description, List<String> labels,
                                     boolean urgent) {
        return new TopicDefinition(SCHEMA_VERSION, id, name, query, description, labels, urgent);
    }
}
