package dev.wirewatch.desk.web;

import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.ConfigProblem;
import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.query.QuerySyntaxException;
import dev.wirewatch.query.TopicQueryParser;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks what editors send before anything is published, with the same rules as the config file and the CLI, and
 * says what is wrong in words an editor can act on.
 *
 * <p>Stateless and thread safe; every check throws {@link BadInput}.
 */
final class Inputs {

    private static final int MAX_TEXT = 2_000;

    /** The longest text the explain call takes: a long article, not a book. */
    static final int MAX_EXPLAINED = 200_000;

    private Inputs() {
    }

    static TopicDefinition topic(String id, String name, String query, String description, List<String> labels,
                                 boolean urgent) {
        // The config file's and the CLI's checks, so an id the desk takes is one they take too (the query is
        // checked below, for its position).
        String topicId = id == null ? "" : id;
        List<String> cleaned = labels == null ? List.of() : labels.stream().filter(l -> l != null && !l.isBlank())
                .map(String::trim).distinct().toList();
        refuse("id", ConfigLoader.problemsOf(new WirewatchConfig(null, null, null,
                List.of(new TrackedTopic(topicId, null, "x", null, cleaned)), null, null, null, null)));
        checkQuery(query);
        return TopicDefinition.of(topicId, limited("name", name), query.trim(), limited("description", description),
                cleaned, urgent);
    }

    /** Labels as a form field gives them: separated by commas or spaces. */
    static List<String> labels(String field) {
        return field == null ? List.of() : List.of(field.split("[,\\s]+"));
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
        Duration interval = null;
        if (pollInterval != null && !pollInterval.isBlank()) {
            try {
                interval = Duration.parse(pollInterval.trim());
            } catch (DateTimeParseException e) {
                throw new BadInput("pollInterval", "'" + pollInterval + "' is not an ISO-8601 duration such as PT5M");
            }
        }
        // The config file's and the CLI's checks (an http(s) URL, an interval of at least PT10S).
        FeedSettings feed = new FeedSettings(url.trim(), null, interval);
        refuse("url", ConfigLoader.problemsOf(new WirewatchConfig(null, List.of(feed), null, null, null, null, null,
                null)));
        return FeedDefinition.of(feed.url(), limited("name", name), interval);
    }

    /**
     * A mute of exactly one of {@code topic}, {@code story}, {@code source}, for {@code sink} (blank: every sink), for
     * {@code duration} (ISO-8601, blank: until lifted) or until {@code until} (an ISO-8601 instant).
     */
    static Mute mute(String topic, String story, String source, String sink, String duration, String until,
                     String reason, List<String> sinks, String by, Instant now) {
        List<String> given = java.util.stream.Stream.of(topic, story, source).filter(v -> v != null && !v.isBlank())
                .toList();
        if (given.size() != 1) {
            throw new BadInput("topic", "give exactly one of topic, story and source");
        }
        Mute.Scope scope = topic != null && !topic.isBlank() ? Mute.Scope.TOPIC
                : story != null && !story.isBlank() ? Mute.Scope.STORY : Mute.Scope.SOURCE;
        String value = limited(scope.label(), given.get(0));
        String sinkId = sink == null || sink.isBlank() ? null : sink.trim();
        if (sinkId != null && !sinks.contains(sinkId)) {
            throw new BadInput("sink", "no sink '" + sinkId + "' is configured here (sinks: "
                    + (sinks.isEmpty() ? "none" : String.join(", ", sinks)) + ")");
        }
        Instant end = instant("until", until);
        if (duration != null && !duration.isBlank()) {
            try {
                end = Mute.endAfter(duration, now);
            } catch (IllegalArgumentException e) {
                throw new BadInput("for", e.getMessage());
            }
        }
        if (end != null && !end.isAfter(now)) {
            throw new BadInput("until", "until " + end + " has passed already");
        }
        return Mute.of(scope, value, sinkId, end, now, by, limited("reason", reason));
    }

    /** Throws the first problem as a {@link BadInput} on the field its key path ends with ({@code field} else). */
    private static void refuse(String field, List<ConfigProblem> problems) {
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            int dot = first.path().lastIndexOf('.');
            throw new BadInput(dot < 0 ? field : first.path().substring(dot + 1), first.message());
        }
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
