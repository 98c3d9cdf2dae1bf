package dev.wirewatch.desk.view;

import java.time.Instant;

/**
 * One alert a sink sent: the ledger's record with the mention's title and link; {@code followUpSites} is 0 for the
 * first alert and N for a follow-up saying the story reached N sites.
 *
 * <p>Immutable. {@code title} and {@code url} are null when the mention has not been read (yet).
 */
public record AlertEntry(String topic, String storyId, String title, String url, String sink, Instant sentAt,
                         int followUpSites) {
}
