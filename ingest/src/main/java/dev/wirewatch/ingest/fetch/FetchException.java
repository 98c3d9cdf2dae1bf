package dev.wirewatch.ingest.fetch;

/**
 * A fetch that produced no usable body, with a short reason fit for logs and metric tags.
 *
 * <p>{@link #outcome()} is a stable, low-cardinality label ({@code http-404}, {@code timeout}, {@code too-large},
 * {@code refused-private-network}, ...).
 */
public final class FetchException extends Exception {

    private final String outcome;
    private final transient java.time.Duration retryAfter;

    public FetchException(String outcome, String message) {
        this(outcome, message, (java.time.Duration) null);
    }

    /** A failure after which the server asked to be left alone for {@code retryAfter} (429/503), may be null. */
    public FetchException(String outcome, String message, java.time.Duration retryAfter) {
        super(message);
        this.outcome = outcome;
        this.retryAfter = retryAfter;
    }

    public FetchException(String outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.retryAfter = null;
    }

    /** How long the server asked us to wait (Retry-After), or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /** The metric label of this failure. */
    public String outcome() {
        return outcome;
    }
}
