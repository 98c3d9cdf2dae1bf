package dev.wirewatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The health of one feed after its latest poll, on the compacted {@code feed-status} topic (key = feed URL): what
 * {@code wirewatch feeds status} prints, and where a restarted ingest service finds each feed's next poll time.
 *
 * <p>Immutable. {@code lastSuccessAt}, {@code lastErrorAt}, {@code lastError} and {@code nextPollAt} may be null;
 * {@code lastOutcome} is the poll's metric outcome ({@code ok}, {@code not-modified}, {@code http-404}, ...).
 */
public record FeedStatus(int schemaVersion, String feedUrl, String name, Instant lastPollAt, Instant lastSuccessAt,
                         Instant lastErrorAt, String lastOutcome, String lastError, int consecutiveFailures,
                         int itemsSeen, long articlesTotal, Instant nextPollAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /** Failed polls in a row from which a feed counts as failing: reported, not just retried. */
    public static final int FAILING_AFTER = 5;

    public FeedStatus {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(lastPollAt, "lastPollAt");
        Objects.requireNonNull(lastOutcome, "lastOutcome");
    }

    /** Whether the feed has failed {@link #FAILING_AFTER} polls or more in a row. */
    public boolean failing() {
        return consecutiveFailures >= FAILING_AFTER;
    }
}
