package dev.wirewatch.alerts;

/**
 * An alert a sink could not deliver. The message must not contain secrets (webhook URLs, passwords).
 */
public final class DeliveryException extends Exception {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
