package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.KafkaSettings;
import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.cli.ExitCodes;
import dev.wirewatch.launcher.cli.WirewatchCommand;
import dev.wirewatch.launcher.demo.DemoConfig;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.demo.DemoFeedServer;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Wirewatch on a cluster that requires SASL/SCRAM or TLS: every client (ingest, Streams, alerts, the desk, the topic
 * publisher) signs in with the configured user or trusts the configured CA, the demo alerts as on an open broker,
 * and a wrong password or an untrusted certificate stops the start with a clear error and exit code 2, without
 * printing the password.
 */
class KafkaSecurityEndToEndTest {

    static final String USER = "wirewatch";
    static final String PASSWORD = "s3cret \"quoted\" #and: more";

    @TempDir
    Path dir;

    @Test
    void theWholePipelineRunsOverTlsWithAGeneratedKeystoreAndAnUntrustedCertificateIsABadConfig() throws Exception {
        String password = "store-pass-1";
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.crt");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-keystore",
                truststore.toString(), "-storetype", "PKCS12", "-storepass", password);
        try (EmbeddedKafka kafka = EmbeddedKafka.startWithTlsListener(dir.resolve("kafka"), 3, Duration.ofSeconds(60),
                keystore, password)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(Topics.standard().all(), 3);
            }
            String tls = "kafka:\n  bootstrapServers: " + kafka.secureBootstrapServers() + "\n  dataDir: "
                    + dir.resolve("data") + "\n  securityProtocol: SSL\n  ssl:\n    truststoreLocation: "
                    + truststore + "\n    truststorePassword: ${TRUST_PASSWORD}\n    truststoreType: PKCS12\n";
            KafkaSettings secured = ConfigLoader.parse(tls, "tls.yml", Map.of("TRUST_PASSWORD", password)::get)
                    .kafka();
            try (DemoFeedServer server = DemoFeedServer.start(DemoCorpus.load())) {
                WirewatchConfig config = DemoConfig.load(server.baseUrl(), dir.resolve("demo"))
                        .withKafka(secured).withMetrics(new MetricsSettings(-1, null))
                        .withDesk(DeskSettings.defaults().withPort(-1));
                try (Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class),
                        new SimpleMeterRegistry(), Clock.systemUTC())) {
                    assertEquals(4, pipeline.runOnce().alertsDelivered(), "the demo's alerts, over TLS");
                }
            }
            // Trusting nothing but the JVM's CAs, the broker's self-made certificate is refused.
            Path untrusting = dir.resolve("untrusting.yml");
            Files.writeString(untrusting, "kafka:\n  bootstrapServers: " + kafka.secureBootstrapServers()
                    + "\n  dataDir: " + dir.resolve("data2") + "\n  securityProtocol: SSL\nmetrics: { port: -1 }\n"
                    + "desk: { port: -1 }\n");
            StringWriter err = new StringWriter();
            CommandLine cli = WirewatchCommand.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            assertEquals(ExitCodes.BAD_CONFIG, cli.execute("process", "--config", untrusting.toString(), "--once"),
                    err.toString());
            assertTrue(err.toString().contains("refused the credentials"), err.toString());
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(
                System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "keytool " + String.join(" ", args) + ":\n" + output);
    }

    @Test
    void theWholePipelineRunsOnASaslScramListenerAndAWrongPasswordIsABadConfig() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startWithScramListener(dir.resolve("kafka"), 3,
                Duration.ofSeconds(60))) {
            kafka.addScramUser(USER, PASSWORD);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(Topics.standard().all(), 3);
            }
            String security = "kafka:\n  bootstrapServers: " + kafka.secureBootstrapServers() + "\n  dataDir: "
                    + dir.resolve("data") + "\n  securityProtocol: SASL_PLAINTEXT\n  sasl:\n    mechanism: "
                    + EmbeddedKafka.SCRAM_MECHANISM + "\n    username: " + USER + "\n    password: ${KAFKA_PASSWORD}\n";
            KafkaSettings secured = ConfigLoader.parse(security, "secured.yml", Map.of("KAFKA_PASSWORD",
                    PASSWORD)::get).kafka();
            DemoCorpus corpus = DemoCorpus.load();
            try (DemoFeedServer server = DemoFeedServer.start(corpus)) {
                WirewatchConfig config = DemoConfig.load(server.baseUrl(), dir.resolve("demo"))
                        .withKafka(secured).withMetrics(new MetricsSettings(-1, null))
                        .withDesk(DeskSettings.defaults().withPort(0));
                try (Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class),
                        new SimpleMeterRegistry(), Clock.systemUTC())) {
                    assertEquals(4, pipeline.runOnce().alertsDelivered(), "the demo's alerts, over SASL/SCRAM");
                }
            }

            Path wrong = dir.resolve("wrong.yml");
            Files.writeString(wrong, security.replace("${KAFKA_PASSWORD}", "'not the password'")
                    + "metrics: { port: -1 }\ndesk: { port: -1 }\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = WirewatchCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            assertEquals(ExitCodes.BAD_CONFIG, cli.execute("process", "--config", wrong.toString(), "--once"),
                    out + "\n" + err);
            assertTrue(err.toString().contains("refused the credentials"), err.toString());
            assertFalse(err.toString().contains("not the password"), "the password is not printed: " + err);
        }
    }
}
