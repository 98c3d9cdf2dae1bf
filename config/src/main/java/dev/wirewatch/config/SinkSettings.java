package dev.wirewatch.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;

/**
 * One alert destination, chosen by its {@code type}. Every sink has an optional {@code id} (defaults to the type),
 * an optional list of topic ids it receives and of label {@code matchers} ({@link SinkRoute}; both empty: all
 * topics), and the delivery keys of {@link DeliverySettings}
 * ({@code groupWait}, {@code groupInterval}, {@code rateLimit}, {@code maxAttempts}, {@code initialBackoff},
 * {@code maxBackoff}).
 *
 * <p>Immutable. An unknown or missing type loads as {@link Invalid} so that validation can report it with its line.
 * Secrets (webhook URLs, SMTP passwords, signing keys) come from {@code ${ENV}} references and are never logged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true, defaultImpl = SinkSettings.Invalid.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = SinkSettings.File.class, name = "file"),
        @JsonSubTypes.Type(value = SinkSettings.Console.class, name = "console"),
        @JsonSubTypes.Type(value = SinkSettings.Slack.class, name = "slack"),
        @JsonSubTypes.Type(value = SinkSettings.Email.class, name = "email"),
        @JsonSubTypes.Type(value = SinkSettings.Webhook.class, name = "webhook")
})
public sealed interface SinkSettings {

    /** The sink's id, unique among sinks. */
    String id();

    /** Topic ids routed to this sink; empty for all (unless matchers are given). */
    List<String> topics();

    /** {@link RouteMatcher}s a topic must all satisfy to be routed here, besides {@link #topics()}; never null. */
    List<String> matchers();

    /** Grouping, rate limit and retries of this sink. */
    DeliverySettings delivery();

    /** The IANA zone the sink's messages show times in (null: UTC); quiet hours and digests default to it. */
    default String zone() {
        return null;
    }

    /** The sink's quiet hours, or null. */
    default QuietHours quietHours() {
        return null;
    }

    /** The sink's digest (a period, or a time of day), or null. */
    default DigestSettings digest() {
        return null;
    }

    /** When a story that alerted has grown to these many sites, a follow-up says so; null for none. */
    default FollowUp followUp() {
        return null;
    }

    /** {@code followUp: {atSites: [5, 20]}}: one follow-up per threshold, when the story first reaches it. */
    record FollowUp(List<Integer> atSites) {
        public FollowUp {
            atSites = atSites == null ? List.of() : atSites.stream().filter(java.util.Objects::nonNull).sorted()
                    .distinct().toList();
        }
    }

    /** Appends each alert as one JSON line to {@code path}. */
    @JsonIgnoreProperties("type")
    record File(String id, List<String> topics, List<String> matchers, String path, Duration groupWait,
                Duration groupInterval, DeliverySettings.RateLimit rateLimit, Integer maxAttempts,
                Duration initialBackoff, Duration maxBackoff, String zone, QuietHours quietHours,
                DigestSettings digest, FollowUp followUp) implements SinkSettings {
        public File {
            id = id == null || id.isBlank() ? "file" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
        }

        public File(String id, List<String> topics, String path) {
            this(id, topics, List.of(), path, null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        public DeliverySettings delivery() {
            return SinkSettings.withDigestPeriod(digest,
                    new DeliverySettings(groupWait, groupInterval, rateLimit, maxAttempts, initialBackoff, maxBackoff));
        }
    }

    /** Prints each alert as one readable line on standard output. */
    @JsonIgnoreProperties("type")
    record Console(String id, List<String> topics, List<String> matchers) implements SinkSettings {
        public Console {
            id = id == null || id.isBlank() ? "console" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
        }

        @Override
        public DeliverySettings delivery() {
            return DeliverySettings.DEFAULTS;
        }
    }

    /**
     * Posts each group of alerts as one Block Kit message: to an incoming webhook ({@code webhookUrl}), or with a bot
     * token to a channel through the Web API ({@code botToken}, {@code channel}; {@code apiUrl} defaults to Slack's
     * {@code chat.postMessage}), which lets a follow-up go into the first message's thread.
     */
    @JsonIgnoreProperties("type")
    record Slack(String id, List<String> topics, List<String> matchers, String webhookUrl, Duration groupWait,
                 Duration groupInterval, DeliverySettings.RateLimit rateLimit, Integer maxAttempts,
                 Duration initialBackoff, Duration maxBackoff, String zone, QuietHours quietHours,
                 DigestSettings digest, FollowUp followUp, String botToken, String channel, String apiUrl)
            implements SinkSettings {
        public Slack {
            id = id == null || id.isBlank() ? "slack" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
        }

        @Override
        public DeliverySettings delivery() {
            return SinkSettings.withDigestPeriod(digest,
                    new DeliverySettings(groupWait, groupInterval, rateLimit, maxAttempts, initialBackoff, maxBackoff));
        }
    }

    /**
     * Mails each group of alerts (HTML and plain text) over SMTP; with {@code digest} one mail per window holds every
     * mention of the window, grouped by topic. {@code security} is {@code starttls} (default), {@code tls} or
     * {@code none}; {@code port} defaults to 587, 465 and 25 for those.
     */
    @JsonIgnoreProperties("type")
    record Email(String id, List<String> topics, List<String> matchers, String host, Integer port, String security,
                 String username, String password, String from, List<String> to, String subjectPrefix,
                 DigestSettings digest, Duration timeout, Duration groupWait, Duration groupInterval,
                 DeliverySettings.RateLimit rateLimit, Integer maxAttempts, Duration initialBackoff,
                 Duration maxBackoff, String zone, QuietHours quietHours, FollowUp followUp) implements SinkSettings {
        public Email {
            id = id == null || id.isBlank() ? "email" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
            security = security == null || security.isBlank() ? "starttls" : security.trim().toLowerCase();
            port = port != null ? port : switch (security) {
                case "tls" -> 465;
                case "none" -> 25;
                default -> 587;
            };
            to = to == null ? List.of() : List.copyOf(to);
            subjectPrefix = subjectPrefix == null ? "[Wirewatch]" : subjectPrefix;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        @Override
        public DeliverySettings delivery() {
            return SinkSettings.withDigestPeriod(digest,
                    new DeliverySettings(groupWait, groupInterval, rateLimit, maxAttempts, initialBackoff, maxBackoff));
        }
    }

    /** POSTs each group of alerts as JSON; with {@code secret}, signs the body (HMAC-SHA256) for the receiver. */
    @JsonIgnoreProperties("type")
    record Webhook(String id, List<String> topics, List<String> matchers, String url, String secret,
                   Duration groupWait, Duration groupInterval, DeliverySettings.RateLimit rateLimit,
                   Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, String zone,
                   QuietHours quietHours, DigestSettings digest, FollowUp followUp) implements SinkSettings {
        public Webhook {
            id = id == null || id.isBlank() ? "webhook" : id;
            topics = topics == null ? List.of() : List.copyOf(topics);
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
        }

        @Override
        public DeliverySettings delivery() {
            return SinkSettings.withDigestPeriod(digest,
                    new DeliverySettings(groupWait, groupInterval, rateLimit, maxAttempts, initialBackoff, maxBackoff));
        }
    }

    /** A sink whose type is missing or unknown; never valid, kept only to report it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invalid(String type, String id, List<String> topics, List<String> matchers) implements SinkSettings {
        public Invalid {
            topics = topics == null ? List.of() : topics;
            matchers = matchers == null ? List.of() : matchers;
        }

        @Override
        public DeliverySettings delivery() {
            return DeliverySettings.DEFAULTS;
        }
    }

    /**
     * A digest period is a group window over all topics at once: the wait and the interval are the period. A digest
     * at a time of day is scheduled instead ({@link SinkSchedule}) and leaves the windows alone.
     */
    private static DeliverySettings withDigestPeriod(DigestSettings digest, DeliverySettings windows) {
        if (digest == null || digest.every() == null) {
            return windows;
        }
        Duration period;
        try {
            period = Duration.parse(digest.every().trim());
        } catch (java.time.format.DateTimeParseException e) {
            return windows; // reported by validation
        }
        return new DeliverySettings(period, period, windows.rateLimit(), windows.maxAttempts(),
                windows.initialBackoff(), windows.maxBackoff());
    }

    /** The type names accepted in {@code alerts.sinks[].type}. */
    static List<String> typeNames() {
        return List.of("file", "console", "slack", "email", "webhook");
    }
}
