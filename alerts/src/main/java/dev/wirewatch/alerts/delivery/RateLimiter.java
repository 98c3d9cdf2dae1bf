package dev.wirewatch.alerts.delivery;

import dev.wirewatch.config.DeliverySettings;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: at most {@code messages} messages per {@code per}, refilled continuously, bursts up to the full
 * bucket. A sink without a limit never waits.
 *
 * <p>Not thread safe; used by one sink worker. Time is passed in.
 */
final class RateLimiter {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private Instant refilledAt;

    /** {@code limit} may be null for no limit. */
    RateLimiter(DeliverySettings.RateLimit limit, Instant now) {
        this.capacity = limit == null ? Double.POSITIVE_INFINITY : limit.messages();
        this.perNano = limit == null ? 0 : limit.messages() / (double) limit.per().toNanos();
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** How long to wait before the next message may go; zero when it may go now. */
    Duration waitBeforeNext(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Takes a token for a message sent at {@code now}. */
    void take(Instant now) {
        refill(now);
        tokens -= 1;
    }

    private void refill(Instant now) {
        if (Double.isInfinite(capacity)) {
            return;
        }
        long elapsed = Duration.between(refilledAt, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            refilledAt = now;
        }
    }
}
