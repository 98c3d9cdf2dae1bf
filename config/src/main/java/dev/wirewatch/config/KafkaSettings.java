package dev.wirewatch.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Wirewatch's Kafka is: an external cluster ({@code bootstrapServers}) or, when that is empty, an embedded
 * single-node KRaft broker keeping its data under {@code dataDir}; and how to reach a secured cluster (TLS, SASL).
 *
 * <p>Immutable. Defaults: no bootstrap servers (embedded), {@code ./wirewatch-data}, 3 partitions per topic,
 * {@code PLAINTEXT}. Passwords come from {@code ${ENV}} and appear in no {@link #toString()}.
 */
public record KafkaSettings(String bootstrapServers, String dataDir, Integer partitions, String securityProtocol,
                            Sasl sasl, Ssl ssl, Integer minFreeDiskMb) {

    /** Below this much free space in the data directory Wirewatch does not start, and warns while running. */
    public static final int DEFAULT_MIN_FREE_DISK_MB = 512;

    public static final String DEFAULT_DATA_DIR = "./wirewatch-data";
    public static final int DEFAULT_PARTITIONS = 3;

    /** SASL credentials: {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}. */
    public record Sasl(String mechanism, String username, String password) {
        @Override
        public String toString() {
            return "Sasl[mechanism=" + mechanism + ", username=" + username + ", password=(redacted)]";
        }
    }

    /** Trust store (the cluster's CA) and, for mutual TLS, key store; paths relative to the working directory. */
    public record Ssl(String truststoreLocation, String truststorePassword, String truststoreType,
                      String keystoreLocation, String keystorePassword, String keyPassword, String keystoreType) {
        @Override
        public String toString() {
            return "Ssl[truststore=" + truststoreLocation + ", keystore=" + keystoreLocation + ", passwords=(redacted)]";
        }
    }

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.trim();
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        partitions = partitions == null ? DEFAULT_PARTITIONS : partitions;
        securityProtocol = securityProtocol == null || securityProtocol.isBlank() ? "PLAINTEXT"
                : securityProtocol.trim().toUpperCase(java.util.Locale.ROOT);
        minFreeDiskMb = minFreeDiskMb == null ? DEFAULT_MIN_FREE_DISK_MB : minFreeDiskMb;
    }

    public KafkaSettings(String bootstrapServers, String dataDir, Integer partitions) {
        this(bootstrapServers, dataDir, partitions, null, null, null, null);
    }

    /** True when no external cluster is named and Wirewatch must start its own broker. */
    public boolean embedded() {
        return bootstrapServers.isEmpty();
    }

    /** A copy naming an external cluster (used once the embedded broker is up). */
    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(servers, dataDir, partitions, securityProtocol, sasl, ssl, minFreeDiskMb);
    }

    /** A copy keeping data under another directory. */
    public KafkaSettings withDataDir(String dir) {
        return new KafkaSettings(bootstrapServers, dir, partitions, securityProtocol, sasl, ssl, minFreeDiskMb);
    }

    /**
     * The Kafka client settings for TLS and SASL ({@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config}, {@code ssl.*}); empty for {@code PLAINTEXT}. Every client gets the same.
     */
    public Map<String, String> clientSecurity() {
        Map<String, String> p = new LinkedHashMap<>();
        if (securityProtocol.equals("PLAINTEXT")) {
            return p;
        }
        p.put("security.protocol", securityProtocol);
        if (securityProtocol.startsWith("SASL_") && sasl != null && sasl.mechanism() != null) {
            String mechanism = sasl.mechanism().trim().toUpperCase(java.util.Locale.ROOT);
            p.put("sasl.mechanism", mechanism);
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + jaasQuoted(sasl.username())
                    + "\" password=\"" + jaasQuoted(sasl.password()) + "\";");
        }
        if (ssl != null) {
            putIfSet(p, "ssl.truststore.location", ssl.truststoreLocation());
            putIfSet(p, "ssl.truststore.password", ssl.truststorePassword());
            putIfSet(p, "ssl.truststore.type", ssl.truststoreType());
            putIfSet(p, "ssl.keystore.location", ssl.keystoreLocation());
            putIfSet(p, "ssl.keystore.password", ssl.keystorePassword());
            putIfSet(p, "ssl.key.password", ssl.keyPassword());
            putIfSet(p, "ssl.keystore.type", ssl.keystoreType());
        }
        return p;
    }

    /** A JAAS option value: backslashes and double quotes escaped, so any password survives. */
    private static String jaasQuoted(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void putIfSet(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", dataDir=" + dataDir + ", partitions="
                + partitions + ", securityProtocol=" + securityProtocol + ", sasl=" + sasl + ", ssl=" + ssl + "]";
    }
}
