package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.config.DeliverySettings;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final DeliverySettings settings = new DeliverySettings(null, null, null, 5, Duration.ofSeconds(1),
            Duration.ofSeconds(10));
    private final DeliveryException transientFailure = new DeliveryException("500", true, null, null);

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(settings, new Random(7));
        for (int attempt = 1; attempt <= 4; attempt++) {
            long expected = Math.min(10_000, 1000L << (attempt - 1));
            long delay = policy.delay(attempt, transientFailure).toMillis();
            assertTrue(delay >= expected * 0.8 - 1 && delay <= Math.min(10_000, expected * 1.2 + 1),
                    "attempt " + attempt + ": " + delay);
        }
        assertTrue(policy.delay(10, transientFailure).toMillis() <= 10_000);
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCappedAtAnHour() {
        RetryPolicy policy = new RetryPolicy(settings, new Random(7));
        assertEquals(Duration.ofSeconds(42), policy.delay(1,
                new DeliveryException("429", true, Duration.ofSeconds(42), null)));
        assertEquals(Duration.ofHours(1), policy.delay(1,
                new DeliveryException("429", true, Duration.ofDays(1), null)));
    }

    @Test
    void permanentFailuresAndTheLastAttemptAreNotRetried() {
        RetryPolicy policy = new RetryPolicy(settings, new Random(7));
        assertFalse(policy.retry(1, DeliveryException.permanent("404")));
        assertTrue(policy.retry(4, transientFailure));
        assertFalse(policy.retry(5, transientFailure));
    }
}
