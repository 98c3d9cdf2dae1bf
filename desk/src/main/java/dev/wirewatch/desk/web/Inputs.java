package dev.wirewatch.desk.web;

import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.query.QuerySyntaxException;
import dev.wirewatch.query.TopicQueryParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks what editors send before anything is published, with the same rules as the config file and the CLI, and
 * says what is wrong in words an editor can act on.
 *
 * <p>Stateless and thread safe; every check throws {@link BadInput}.
 */
final class Inputs {

    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);
    private static final int MAX_TEXT = 2_000;

    private Inputs() {
    }

    static TopicDefinition topic(String id, String name, String query, String description) {
        if (id == null || !TOPIC_ID.matcher(id).matches()) {
            throw new BadInput("id", "topic id '" + (id == null ? "" : id) + "': expected 1-64 lower-case letters, "
                    + "digits and '-', starting with a letter or digit");
        }
        checkQuery(query);
        return TopicDefinition.of(id, limited("name", name), query.trim(), limited("description", description));
    }

    static void checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new BadInput("query", "the query is empty", 0);
        }
        if (query.length() > MAX_TEXT) {
            throw new BadInput("query", "the query is longer than " + MAX_TEXT + " characters", MAX_TEXT);
        }
        try {
            TopicQueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            throw new BadInput("query", e.getMessage(), e.position());
        }
    }

    static FeedDefinition feed(String url, String name, String pollInterval) {
        if (url == null || url.isBlank()) {
            throw new BadInput("url", "the feed URL is empty");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput("url", "'" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new BadInput("url", "'" + url + "' is not an http(s) URL with a host");
        }
        Duration interval = null;
        if (pollInterval != null && !pollInterval.isBlank()) {
            try {
                interval = Duration.parse(pollInterval.trim());
            } catch (DateTimeParseException e) {
                throw new BadInput("pollInterval", "'" + pollInterval + "' is not an ISO-8601 duration such as PT5M");
            }
            if (interval.compareTo(MIN_POLL_INTERVAL) < 0) {
                throw new BadInput("pollInterval", pollInterval + " is shorter than " + MIN_POLL_INTERVAL
                        + ": feeds are not polled more often than every 10 seconds");
            }
        }
        return FeedDefinition.of(uri.toString(), limited("name", name), interval);
    }

    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new BadInput("limit", "limit " + value + " is not positive");
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new BadInput("limit", "limit '" + value + "' is not a number");
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput(field, field + " '" + value + "' is not an ISO-8601 instant such as "
                    + "2026-12-01T08:00:00Z");
        }
    }

    private static String limited(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new BadInput(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
