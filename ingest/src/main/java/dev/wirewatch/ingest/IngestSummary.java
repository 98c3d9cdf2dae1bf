package dev.wirewatch.ingest;

import java.util.List;

/**
 * What one round of polling every feed did.
 *
 * <p>Immutable. {@code failures} holds one line per failed feed: its URL and the reason.
 */
public record IngestSummary(int feedsPolled, int feedsFailed, int articles, int pageFallbacks,
                            List<String> failures) {

    public IngestSummary {
        failures = List.copyOf(failures);
    }
}
