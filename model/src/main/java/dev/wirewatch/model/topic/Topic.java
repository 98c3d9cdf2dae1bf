package dev.wirewatch.model.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values, so that no code names a topic by a bare string.
 *
 * <p>Immutable. {@code cleanupPolicy} is Kafka's {@code cleanup.policy} ({@code delete} or {@code compact});
 * {@code retention} is set on creation when not null (else the broker's default, 7 days).
 *
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String cleanupPolicy,
                          String description, java.time.Duration retention) {

    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, String cleanupPolicy, String description) {
        this(name, keySerde, valueSerde, cleanupPolicy, description, null);
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    }
}
