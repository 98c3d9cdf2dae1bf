package dev.wirewatch.config;

/**
 * Where Wirewatch's Kafka is: an external cluster ({@code bootstrapServers}) or, when that is empty, an embedded
 * single-node KRaft broker keeping its data under {@code dataDir}.
 *
 * <p>Immutable. Defaults: no bootstrap servers (embedded), {@code ./wirewatch-data}, 3 partitions per topic.
 */
public record KafkaSettings(String bootstrapServers, String dataDir, Integer partitions) {

    public static final String DEFAULT_DATA_DIR = "./wirewatch-data";
    public static final int DEFAULT_PARTITIONS = 3;

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.trim();
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        partitions = partitions == null ? DEFAULT_PARTITIONS : partitions;
    }

    /** True when no external cluster is named and Wirewatch must start its own broker. */
    public boolean embedded() {
        return bootstrapServers.isEmpty();
    }

    /** A copy naming an external cluster (used once the embedded broker is up). */
    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(servers, dataDir, partitions);
    }

    /** A copy keeping data under another directory. */
    public KafkaSettings withDataDir(String dir) {
        return new KafkaSettings(bootstrapServers, dir, partitions);
    }
}
