package dev.wirewatch.ingest;

import dev.wirewatch.ingest.feed.FeedPoller;
import dev.wirewatch.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next, and its status after a poll: on success, after its interval (±10 % jitter, so feeds
 * spread out); after failures, exponential backoff — the interval doubled per consecutive failure, up to six hours —
 * or longer when the server asked with Retry-After (up to a day).
 *
 * <p>Stateless and thread safe when the random generator is.
 */
final class FeedSchedule {

    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final RandomGenerator random;

    FeedSchedule(RandomGenerator random) {
        this.random = random;
    }

    /** The feed's status after {@code poll}, given its status before (null for its first poll). */
    FeedStatus next(FeedPoller.Poll poll, FeedStatus before, Instant now) {
        Duration interval = poll.feed().pollInterval();
        boolean failed = poll.failed();
        int failures = failed ? (before == null ? 0 : before.consecutiveFailures()) + 1 : 0;
        Duration delay;
        if (!failed) {
            delay = Duration.ofMillis(Math.round(interval.toMillis() * (0.9 + 0.2 * random.nextDouble())));
        } else {
            long backoff = interval.toMillis() << Math.min(failures - 1, 20);
            delay = Duration.ofMillis(Math.min(Math.max(backoff, interval.toMillis()), MAX_BACKOFF.toMillis()));
            Duration asked = poll.retryAfter();
            if (asked != null && asked.compareTo(delay) > 0) {
                delay = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            }
        }
        long total = (before == null ? 0 : before.articlesTotal()) + poll.articles().size();
        return new FeedStatus(FeedStatus.SCHEMA_VERSION, poll.feed().url(), poll.feed().name(), now,
                failed ? (before == null ? null : before.lastSuccessAt()) : now,
                failed ? now : (before == null ? null : before.lastErrorAt()),
                poll.outcome(), failed ? poll.error() : (before == null ? null : before.lastError()), failures,
                failed ? (before == null ? 0 : before.itemsSeen()) : poll.itemsSeen(), total, now.plus(delay));
    }
}
