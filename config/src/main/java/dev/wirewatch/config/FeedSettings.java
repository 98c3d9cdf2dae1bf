package dev.wirewatch.config;

import java.time.Duration;

/**
 * One feed to poll: its URL, a display name used as the article source, and how often to poll it.
 *
 * <p>Immutable. {@code name} defaults to the URL's host, {@code pollInterval} to five minutes.
 */
public record FeedSettings(String url, String name, Duration pollInterval) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    public FeedSettings {
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        if ((name == null || name.isBlank()) && url != null) {
            name = hostOf(url);
        }
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url.trim()).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url; // reported by validation; the name only matters for valid URLs
        }
    }
}
