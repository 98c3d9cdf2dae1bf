package dev.wirewatch.model;

import java.time.Duration;

/**
 * A feed as published on the compacted {@code feeds} topic (key = feed URL; a tombstone removes the feed), so that
 * feeds can be added, changed and removed while Wirewatch runs, and split among ingest instances by partition.
 *
 * <p>Immutable. {@code name} defaults to the URL; {@code pollInterval} to five minutes.
 */
public record FeedDefinition(int schemaVersion, String url, String name, Duration pollInterval) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public FeedDefinition {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("FeedDefinition needs a url");
        }
        name = name == null || name.isBlank() ? url : name;
        pollInterval = pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
                ? Duration.ofMinutes(5) : pollInterval;
    }

    public static FeedDefinition of(String url, String name, Duration pollInterval) {
        return new FeedDefinition(SCHEMA_VERSION, url, name, pollInterval);
    }
}
