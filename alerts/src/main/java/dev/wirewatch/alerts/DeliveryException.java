package dev.wirewatch.alerts;

import java.time.Duration;

/**
 * A batch a sink could not deliver, and whether trying again can help: a timeout or a 5xx can, a 404 or a rejected
 * address cannot. {@code retryAfter} is the pause the receiver asked for (HTTP Retry-After), or null.
 *
 * <p>The message must not contain secrets (webhook URLs, passwords): it is logged and written to {@code alerts.dlq}.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;
    private final transient Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, true, null, cause);
    }

    /** A failure trying again cannot fix. */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The pause the receiver asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
