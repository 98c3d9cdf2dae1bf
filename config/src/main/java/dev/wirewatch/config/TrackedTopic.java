package dev.wirewatch.config;

import java.util.List;

/**
 * A topic the newsroom tracks: a stable id (used in alerts and state keys), a display name and a standing query.
 *
 * <p>Immutable. {@code name} defaults to the id; {@code description} may be null; {@code labels} (which sinks may
 * route by, {@code alerts.sinks[].matchers}) is never null.
 */
public record TrackedTopic(String id, String name, String query, String description, List<String> labels) {

    public TrackedTopic {
        name = name == null || name.isBlank() ? id : name;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A topic without labels. */
    public TrackedTopic(String id, String name, String query, String description) {
        this(id, name, query, description, List.of());
    }
}
