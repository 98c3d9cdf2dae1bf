package dev.wirewatch.ingest.fetch;

/**
 * A fetch that produced no usable body, with a short reason fit for logs and metric tags.
 *
 * <p>{@link #outcome()} is a stable, low-cardinality label ({@code http-404}, {@code timeout}, {@code too-large},
 * {@code refused-private-network}, ...).
 */
public final class FetchException extends Exception {

    private final String outcome;

    public FetchException(String outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public FetchException(String outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    /** The metric label of this failure. */
    public String outcome() {
        return outcome;
    }
}
