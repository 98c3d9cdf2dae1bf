package dev.wirewatch.config;

/**
 * A topic the newsroom tracks: a stable id (used in alerts and state keys), a display name and a standing query.
 *
 * <p>Immutable. {@code name} defaults to the id; {@code description} may be null.
 */
public record TrackedTopic(String id, String name, String query, String description) {

    public TrackedTopic {
        name = name == null || name.isBlank() ? id : name;
    }
}
