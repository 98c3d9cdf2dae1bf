package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.config.DeliverySettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-03-04T06:00:00Z");

    @Test
    void aFullBucketSendsABurstThenSpacesMessagesEvenly() {
        RateLimiter limiter = new RateLimiter(new DeliverySettings.RateLimit(2, Duration.ofMinutes(1)), T0);
        limiter.take(T0);
        limiter.take(T0);
        assertEquals(Duration.ofSeconds(30), limiter.waitBeforeNext(T0));
        assertEquals(Duration.ofSeconds(10), limiter.waitBeforeNext(T0.plusSeconds(20)));
        assertEquals(Duration.ZERO, limiter.waitBeforeNext(T0.plusSeconds(30)));
    }

    @Test
    void noLimitNeverWaits() {
        RateLimiter limiter = new RateLimiter(null, T0);
        for (int i = 0; i < 1000; i++) {
            limiter.take(T0);
        }
        assertEquals(Duration.ZERO, limiter.waitBeforeNext(T0));
    }
}
