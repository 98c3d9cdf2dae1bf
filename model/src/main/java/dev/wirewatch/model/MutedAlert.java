package dev.wirewatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A mention a sink did not send because a mute covered it, on the compacted {@code alerts.muted} topic keyed like
 * the ledger and by the mute ({@code sinkId/topicId/storyId#muteId}): the desk shows it, and lifting the mute with a
 * replay sends it. The mute is in the key so that a replay, which removes what its mute held, never removes what
 * another mute held back of the same (topic, story) meanwhile (records before 2026-12 were keyed without it).
 *
 * <p>Immutable; no field is null.
 */
public record MutedAlert(int schemaVersion, String sinkId, String muteId, Mention mention, Instant mutedAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public MutedAlert {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Objects.requireNonNull(sinkId, "sinkId");
        Objects.requireNonNull(muteId, "muteId");
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(mutedAt, "mutedAt");
    }

    public static MutedAlert of(String sinkId, Mute mute, Mention mention, Instant mutedAt) {
        return new MutedAlert(SCHEMA_VERSION, sinkId, mute.id(), mention, mutedAt);
    }

    /** The record key: one muted alert per sink, topic, story and mute. */
    public String key() {
        return DeliveryRecord.keyOf(sinkId, mention.topicId(), mention.storyId()) + "#" + muteId;
    }
}
