package dev.wirewatch.alerts.delivery;

import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.config.DeliverySettings;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before attempt {@code n + 1}: exponential backoff from the initial pause, doubled per attempt up to
 * the maximum, with ±20 % jitter so that many alert services do not retry in step; a receiver's Retry-After wins when
 * it asks for longer (capped at an hour).
 *
 * <p>Thread safe when the random generator is.
 */
final class RetryPolicy {

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final DeliverySettings settings;
    private final RandomGenerator random;

    RetryPolicy(DeliverySettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    /** Whether another attempt should follow failed attempt {@code attempt} (1-based). */
    boolean retry(int attempt, DeliveryException failure) {
        return failure.retryable() && attempt < settings.maxAttempts();
    }

    /** The pause after failed attempt {@code attempt} (1-based). */
    Duration delay(int attempt, DeliveryException failure) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long backoff = Math.min(max, initial << Math.min(attempt - 1, 30));
        long jittered = Math.round(backoff * (0.8 + 0.4 * random.nextDouble()));
        Duration delay = Duration.ofMillis(Math.min(max, jittered));
        Duration asked = failure.retryAfter();
        if (asked != null && asked.compareTo(delay) > 0) {
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return delay;
    }
}
