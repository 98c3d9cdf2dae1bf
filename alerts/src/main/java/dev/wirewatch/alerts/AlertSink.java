package dev.wirewatch.alerts;

/**
 * One alert destination. Delivery policy (routing, retry, commit) lives around it in {@link AlertService}.
 *
 * <p>Implementations must be safe to call from the alert service's single delivery thread; they need not be
 * thread safe otherwise.
 */
public interface AlertSink extends AutoCloseable {

    /** The sink's configured id, used in logs and metric tags. */
    String id();

    /** Whether alerts of {@code topicId} are routed here. */
    boolean accepts(String topicId);

    /** Delivers one alert; throws when it was not delivered, so the alert is tried again. */
    void deliver(Alert alert) throws DeliveryException;

    @Override
    default void close() {
    }
}
