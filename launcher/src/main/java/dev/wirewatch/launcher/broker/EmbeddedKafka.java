package dev.wirewatch.launcher.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run inside this JVM from
 * the Maven Central artifacts. Its log directory persists under the given directory, so topics and offsets survive
 * a restart; listeners bind to 127.0.0.1 on free ports.
 *
 * <p>Replication factors are 1 (there is one node). Not thread safe; start and close from one thread.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    /** The SASL mechanism of the optional authenticated listener ({@link #startWithScramListener}). */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-256";
    private static final String SECURE = "SECURE";
    private static final String PORTS_FILE = "wirewatch-ports.properties";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String secureBootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String secureBootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.secureBootstrapServers = secureBootstrapServers;
    }

    /**
     * Formats {@code dataDir} if it holds no Kafka data yet, starts the broker, and waits until it answers.
     *
     * @throws IllegalStateException when the broker does not come up within {@code timeout}
     */
    public static EmbeddedKafka start(Path dataDir, int partitions, Duration timeout) {
        return start(dataDir, partitions, timeout, null, Map.of());
    }

    /**
     * As {@link #start(Path, int, Duration)}, with a second listener that requires SASL/SCRAM-SHA-256
     * ({@link #secureBootstrapServers()}): how the tests reach a secured cluster. Users are added with
     * {@link #addScramUser}; the PLAINTEXT listener stays for the broker itself and for setting up.
     */
    public static EmbeddedKafka startWithScramListener(Path dataDir, int partitions, Duration timeout) {
        return start(dataDir, partitions, timeout, "SASL_PLAINTEXT", Map.of(
                "sasl.enabled.mechanisms", SCRAM_MECHANISM,
                "listener.name.secure.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    }

    /**
     * As {@link #start(Path, int, Duration)}, with a second listener that speaks TLS with the PKCS12 key store
     * {@code keystore} ({@link #secureBootstrapServers()}).
     */
    public static EmbeddedKafka startWithTlsListener(Path dataDir, int partitions, Duration timeout, Path keystore,
                                                     String password) {
        return start(dataDir, partitions, timeout, "SSL", Map.of(
                "listener.name.secure.ssl.keystore.location", keystore.toAbsolutePath().toString(),
                "listener.name.secure.ssl.keystore.password", password,
                "listener.name.secure.ssl.key.password", password,
                "listener.name.secure.ssl.keystore.type", "PKCS12"));
    }

    private static EmbeddedKafka start(Path dataDir, int partitions, Duration timeout, String secureProtocol,
                                       Map<String, String> secureProperties) {
        boolean secure = secureProtocol != null;
        Path logDir = dataDir.toAbsolutePath().resolve("kafka");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + logDir, e);
        }
        Properties ports = ports(logDir);
        int brokerPort = port(ports, "broker");
        int controllerPort = port(ports, "controller");
        int securePort = secure ? port(ports, "secure") : -1;
        savePorts(logDir, ports);
        Properties props = brokerProperties(logDir, brokerPort, controllerPort, partitions);
        if (secure) {
            props.put("listeners", props.get("listeners") + "," + SECURE + "://127.0.0.1:" + securePort);
            props.put("advertised.listeners", props.get("advertised.listeners") + "," + SECURE + "://127.0.0.1:"
                    + securePort);
            props.put("listener.security.protocol.map", props.get("listener.security.protocol.map") + "," + SECURE
                    + ":" + secureProtocol);
            props.putAll(secureProperties);
        }
        KafkaConfig config = new KafkaConfig(props, false);
        format(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + brokerPort,
                secure ? "127.0.0.1:" + securePort : null);
        kafka.awaitReady(timeout);
        LOG.info("embedded Kafka broker up at {} (data in {})", kafka.bootstrapServers, logDir);
        return kafka;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code host:port} of the SASL/SCRAM or TLS listener, or null when started without one. */
    public String secureBootstrapServers() {
        return secureBootstrapServers;
    }

    /** Adds (or replaces) a SCRAM-SHA-256 user of the authenticated listener. */
    public void addScramUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add SCRAM user " + user + ": " + e.getMessage(), e);
        }
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly; a typo in a topic name must not silently create one.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(KafkaConfig config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // already formatted by an earlier run: keep its data
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded Kafka did not answer within " + timeout, e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("embedded Kafka reported no nodes within " + timeout);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embedded Kafka", e);
        }
    }

    /**
     * The ports of an earlier start on this data directory, so a restarted broker is at the same address (clients
     * that were connected reconnect by themselves); empty for a new directory.
     */
    private static Properties ports(Path logDir) {
        Properties ports = new Properties();
        Path file = logDir.resolve(PORTS_FILE);
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                ports.load(in);
            } catch (IOException e) {
                LOG.warn("cannot read {}; choosing new ports: {}", file, e.toString());
                ports.clear();
            }
        }
        return ports;
    }

    /** The port remembered under {@code name} when it is free again, else a new free one (remembered). */
    private static int port(Properties ports, String name) {
        String remembered = ports.getProperty(name);
        if (remembered != null) {
            int port = Integer.parseInt(remembered.trim());
            if (isFree(port)) {
                return port;
            }
            LOG.warn("the embedded broker's {} port {} from its last start is taken; choosing another", name, port);
        }
        int port = freePort();
        ports.setProperty(name, String.valueOf(port));
        return port;
    }

    private static void savePorts(Path logDir, Properties ports) {
        try (var out = Files.newOutputStream(logDir.resolve(PORTS_FILE))) {
            ports.store(out, "ports of the embedded Kafka broker; a restart reuses them when they are free");
        } catch (IOException e) {
            LOG.warn("cannot remember the embedded broker's ports in {}: {}", logDir, e.toString());
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
