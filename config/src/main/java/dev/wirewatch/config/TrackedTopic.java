package dev.wirewatch.config;

import java.util.List;

/**
 * A topic the newsroom tracks: a stable id (used in alerts and state keys), a display name and a standing query.
 *
 * <p>Immutable. {@code name} defaults to the id; {@code description} may be null; {@code labels} (which sinks may
 * route by, {@code alerts.sinks[].matchers}) is never null; an {@code urgent} topic passes sinks' quiet hours and
 * digests (null: false).
 */
public record TrackedTopic(String id, String name, String query, String description, List<String> labels,
                           Boolean urgent) {

    public TrackedTopic {
        name = name == null || name.isBlank() ? id : name;
        labels = labels == null ? List.of() : List.copyOf(labels);
        urgent = urgent != null && urgent;
    }

    /** A topic without labels, not urgent. */
    public TrackedTopic(String id, String name, String query, String description) {
        this(id, name, query, description, List.of(), false);
    }

    /** A topic with labels, not urgent. */
    public TrackedTopic(String id, String name, String query, String description, List<String> labels) {
        this(id, name, query, description, labels, false);
    }
}
