package dev.wirewatch.config;

import java.time.Duration;

/**
 * How one sink sends: grouping windows, a rate limit and retries, the stages around every notifier.
 *
 * <p>Immutable. Defaults and why: no grouping wait (an alert is news: send it now) and no group interval; no rate
 * limit; 8 attempts with backoff doubling from 1 s to at most 5 min (about two minutes of trying in all, enough to
 * ride out a webhook restart, short enough that a dead endpoint is dead-lettered and seen).
 *
 * @param groupWait     how long the first mention of a topic waits for more of that topic before the group is sent
 * @param groupInterval the least time between two messages of one topic's group; mentions in between are batched
 * @param rateLimit     messages per period for the sink, or null for no limit
 * @param maxAttempts   attempts per message before it goes to {@code alerts.dlq}
 * @param initialBackoff the pause after the first failed attempt; doubled (with jitter) after each further one
 * @param maxBackoff    the longest pause between attempts (a Retry-After header may ask for longer, and gets it)
 */
public record DeliverySettings(Duration groupWait, Duration groupInterval, RateLimit rateLimit, Integer maxAttempts,
                               Duration initialBackoff, Duration maxBackoff) {

    public static final DeliverySettings DEFAULTS = new DeliverySettings(null, null, null, null, null, null);

    public DeliverySettings {
        groupWait = groupWait == null ? Duration.ZERO : groupWait;
        groupInterval = groupInterval == null ? Duration.ZERO : groupInterval;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    }

    /** At most {@code messages} messages per {@code per}. */
    public record RateLimit(Integer messages, Duration per) {
    }
}
