package dev.wirewatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The delivery ledger's entry: this sink has sent the alert for this (topic, story). On the compacted
 * {@code alerts.ledger} topic, keyed by {@link #keyOf}, so a restarted alert service skips what was already sent.
 *
 * <p>Immutable; no field is null.
 */
public record DeliveryRecord(int schemaVersion, String sinkId, String topicId, String storyId, Instant sentAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public DeliveryRecord {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Objects.requireNonNull(sinkId, "sinkId");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    public static DeliveryRecord of(String sinkId, Mention mention, Instant sentAt) {
        return new DeliveryRecord(SCHEMA_VERSION, sinkId, mention.topicId(), mention.storyId(), sentAt);
    }

    /** The ledger key of a sink's delivery of a (topic, story). */
    public static String keyOf(String sinkId, String topicId, String storyId) {
        return sinkId + "/" + Mention.keyOf(topicId, storyId);
    }

    public String key() {
        return keyOf(sinkId, topicId, storyId);
    }
}
