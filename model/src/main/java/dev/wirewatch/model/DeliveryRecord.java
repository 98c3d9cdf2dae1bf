package dev.wirewatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The delivery ledger's entry: this sink has sent the alert for this (topic, story), or (with {@code followUp} N)
 * the follow-up for the threshold of N sites (the story then had {@code sites}). On the compacted {@code alerts.ledger} topic, keyed by
 * {@link #key()}, so a restarted alert service skips what was already sent.
 *
 * <p>Immutable. {@code sinkId}, {@code topicId}, {@code storyId} and {@code sentAt} are never null; {@code title},
 * {@code url}, {@code source} (of the alerted article, for a follow-up) and {@code messageRef} (the sink's id of the
 * message, e.g. a Slack {@code ts}, for threading a follow-up under it) may be. {@code sites} is how many sites
 * carried the story when it was sent (0 when unknown). {@code urgent}: the alerted topic was marked urgent, so its
 * follow-ups pass quiet hours as it did (false in records written before it was kept).
 */
public record DeliveryRecord(int schemaVersion, String sinkId, String topicId, String storyId, Instant sentAt,
                             String title, String url, String source, String messageRef, int sites,
                             int followUp, boolean urgent) {

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

    /** A first alert's record without what a follow-up needs. */
    public DeliveryRecord(int schemaVersion, String sinkId, String topicId, String storyId, Instant sentAt) {
        this(schemaVersion, sinkId, topicId, storyId, sentAt, null, null, null, null, 0, 0, false);
    }

    public static DeliveryRecord of(String sinkId, Mention mention, Instant sentAt) {
        return new DeliveryRecord(SCHEMA_VERSION, sinkId, mention.topicId(), mention.storyId(), sentAt);
    }

    /** The record of a first alert, with what a later follow-up needs. */
    public static DeliveryRecord sent(String sinkId, Mention mention, Instant sentAt, String messageRef, int sites) {
        return new DeliveryRecord(SCHEMA_VERSION, sinkId, mention.topicId(), mention.storyId(), sentAt,
                mention.title(), mention.url(), mention.source(), messageRef, sites, 0, mention.urgent());
    }

    /** The record of the follow-up for {@code threshold} sites of {@code first}, sent when it had {@code sites}. */
    public static DeliveryRecord followUp(DeliveryRecord first, int threshold, int sites, Instant sentAt) {
        return new DeliveryRecord(SCHEMA_VERSION, first.sinkId, first.topicId, first.storyId, sentAt, first.title,
                first.url, first.source, first.messageRef, sites, threshold, first.urgent);
    }

    /** True for a follow-up's record, false for a first alert's. */
    public boolean followsUp() {
        return followUp > 0;
    }

    /** The ledger key of a sink's delivery of a (topic, story). */
    public static String keyOf(String sinkId, String topicId, String storyId) {
        return sinkId + "/" + Mention.keyOf(topicId, storyId);
    }

    public String key() {
        return followUp > 0 ? keyOf(sinkId, topicId, storyId) + "+" + followUp : keyOf(sinkId, topicId, storyId);
    }
}
