package dev.wirewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.wirewatch.alerts.webhook.Signature;
import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets with YAML's special characters, from the environment through the config to the receiver: substituted
 * in parsed values, so they arrive whole, and never printed in an error.
 */
class SecretsFromTheEnvironmentTest {

    static final String WEBHOOK_SECRET = "abc #def: \"quoted\" 'single' {brace} [list]\nsecond line";
    static final String SMTP_PASSWORD = "pw #1: it's \"x\"\n:tail";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aWebhookSecretAndAnSmtpPasswordWithYamlCharactersArriveWhole() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("desk", SMTP_PASSWORD);
        smtp.start();
        try (Receiver receiver = new Receiver(n -> Receiver.Answer.ok())) {
            String yaml = "alerts:\n  sinks:\n"
                    + "    - { type: webhook, id: hook, url: " + receiver.url() + ", secret: ${HOOK_SECRET} }\n"
                    + "    - type: email\n      host: 127.0.0.1\n      port: " + port + "\n      security: none\n"
                    + "      username: desk\n      password: ${SMTP_PASSWORD}\n      from: w@ledger.example\n"
                    + "      to: [desk@ledger.example]\n";
            WirewatchConfig config = ConfigLoader.parse(yaml, "secrets.yml",
                    Map.of("HOOK_SECRET", WEBHOOK_SECRET, "SMTP_PASSWORD", SMTP_PASSWORD)::get);
            List<ConfiguredSink> sinks = Sinks.from(config.alerts().sinks(), CLOCK);
            AlertBatch batch = AlertBatch.of(Mentions.alert("c-130", "s1", "Transport lands"));
            for (ConfiguredSink sink : sinks) {
                sink.sink().deliver(batch);
            }
            Receiver.Request request = receiver.requests().get(0);
            assertTrue(Signature.verify(WEBHOOK_SECRET, request.header(Signature.TIMESTAMP_HEADER), request.body(),
                    request.header(Signature.SIGNATURE_HEADER)), "signed with the whole secret");
            assertEquals(1, smtp.getReceivedMessages().length, "signed in with the whole password");
            sinks.forEach(s -> s.sink().close());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void noErrorNamesASubstitutedValue() {
        String secret = "s3cret: #value, \"quoted\"";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "metrics: { port: ${PORT} }\nalerts: { sinks: [{ type: slack, webhookUrl: ${URL} }] }\n",
                "bad.yml", Map.of("PORT", secret, "URL", "not a url " + secret)::get));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("${PORT}"), "names the reference instead: " + e.getMessage());
        assertTrue(e.getMessage().contains("bad.yml:1"), "and the line: " + e.getMessage());
    }
}
