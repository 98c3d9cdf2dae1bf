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
import java.util.EnumSet;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Wirewatch on a cluster that requires SASL/SCRAM: every client (ingest, Streams, alerts, the desk, the topic
 * publisher) signs in with the configured user, the demo alerts as on an open broker, and a wrong password stops
 * the start with a clear error and exit code 2, without printing the password.
 */
class KafkaSecurityEndToEndTest {

    static final String USER = "wirewatch";
    static final String PASSWORD = "s3cret \"quoted\" #and: more";

    @TempDir
    Path dir;

    @Test
    void theWholePipelineRunsOnASaslScramListenerAndAWrongPasswordIsABadConfig() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startWithScramListener(dir.resolve("kafka"), 3,
                Duration.ofSeconds(60))) {
            kafka.addScramUser(USER, PASSWORD);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(Topics.standard().all(), 3);
            }
            String security = "kafka:\n  bootstrapServers: " + kafka.scramBootstrapServers() + "\n  dataDir: "
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
