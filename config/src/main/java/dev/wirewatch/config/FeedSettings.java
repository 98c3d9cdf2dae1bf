package dev.wirewatch.config;

import java.time.Duration;

/**
 * One feed to poll: its URL, a display name used as the article source, and how often to poll it. An entry may
 * instead name an OPML file ({@code opml}, relative to the config file): it stands for every feed listed there.
 *
 * <p>Immutable. {@code name} defaults to the URL's host, {@code pollInterval} to five minutes.
 */
public record FeedSettings(String url, String name, Duration pollInterval, String opml) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    public FeedSettings {
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        if ((name == null || name.isBlank()) && url != null) {
            name = hostOf(url);
        }
    }

    public FeedSettings(String url, String name, Duration pollInterval) {
        this(url, name, pollInterval, null);
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
