package dev.wirewatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A mention one sink could not deliver, on the {@code alerts.dlq} topic: which sink, why, after how many attempts.
 * {@code wirewatch alerts replay-dlq} sends it again through that sink.
 *
 * <p>Immutable; no field is null. Keyed on the wire by {@code sinkId/topicId/storyId}.
 */
public record DeadAlert(int schemaVersion, String sinkId, Mention mention, String error, int attempts,
                        Instant failedAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public DeadAlert {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Objects.requireNonNull(sinkId, "sinkId");
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    public static DeadAlert of(String sinkId, Mention mention, String error, int attempts, Instant failedAt) {
        return new DeadAlert(SCHEMA_VERSION, sinkId, mention, error, attempts, failedAt);
    }

    /** The record key: one dead alert per sink, topic and story. */
    public String key() {
        return sinkId + "/" + mention.key();
    }
}
