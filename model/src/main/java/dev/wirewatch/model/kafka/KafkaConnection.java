package dev.wirewatch.model.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How every Wirewatch client reaches Kafka: the bootstrap servers and the security settings (TLS, SASL) that all of
 * them — producers, consumers, admin clients, Streams — must share.
 *
 * <p>Immutable. {@code security} holds Kafka client keys ({@code security.protocol}, {@code sasl.*}, {@code ssl.*});
 * it carries passwords, so {@link #toString()} names the servers and the protocol only.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        security = security == null ? Map.of() : Map.copyOf(security);
    }

    /** A cluster reached without TLS or SASL (the embedded broker, tests). */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** New client properties: the bootstrap servers and the security settings, to add a client's own keys to. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(security);
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }

    @Override
    public String toString() {
        return "KafkaConnection[" + bootstrapServers + ", " + security.getOrDefault("security.protocol", "PLAINTEXT")
                + "]";
    }
}
