package dev.wirewatch.alerts;

import dev.wirewatch.model.Mention;

/**
 * One alert destination, the notifier: it sends one batch as one message and says whether a failure is worth
 * retrying. Routing, grouping, rate limiting, retries, the ledger and the dead-letter queue are stages around it
 * ({@link dev.wirewatch.alerts.delivery.SinkWorker}).
 *
 * <p>Implementations are called from their sink's single delivery thread; they need not be thread safe otherwise.
 */
public interface AlertSink extends AutoCloseable {

    /** The sink's configured id, used in logs, metric tags, consumer group and ledger keys. */
    String id();

    /** Whether {@code mention}'s topic (by id or by its labels) is routed here. */
    boolean accepts(Mention mention);

    /** Sends one batch as one message; throws when it was not delivered. */
    void deliver(AlertBatch batch) throws DeliveryException;

    /**
     * Sends one batch as {@link #deliver} does and returns the channel's id of the message (a Slack {@code ts}) when
     * the channel gives one and can thread under it, else null.
     */
    default String send(AlertBatch batch) throws DeliveryException {
        deliver(batch);
        return null;
    }

    /** The most alerts one message may carry (Slack limits blocks per message, for one). */
    default int maxBatch() {
        return 100;
    }

    @Override
    default void close() {
    }
}
