package dev.wirewatch.alerts.delivery;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * A sink's delivery loop as {@link SupervisedWorker} runs it: {@link SinkWorker} in production.
 *
 * <p>{@link #run()} returns when stopped or when the loop failed; {@link #stop()} may be called from any thread.
 */
public interface DeliveryLoop extends Runnable {

    /** Ends {@link #run()} soon. */
    void stop();

    /** The loop's Kafka consumer, for its lag metrics; null when it has none. */
    Consumer<?, ?> consumer();
}
