package dev.wirewatch.alerts.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.Mentions;
import dev.wirewatch.alerts.Receiver;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSinkTest {

    @Test
    void batchBecomesOneBlockKitMessageWithLinkedHeadlinesAndBoldTerms() throws Exception {
        try (Receiver slack = new Receiver(n -> Receiver.Answer.ok())) {
            SlackSink sink = new SlackSink("slack", SinkRoute.ALL, slack.url());
            sink.deliver(new AlertBatch(List.of(Mentions.alert("su-35", "s1", "Hanoi signs <b>for</b> jets & more")
                    .withAlsoOn(3),
                    Mentions.alert("su-35", "s2", "Second story"))));
            JsonNode message = Json.mapper().readTree(slack.requests().get(0).body());
            assertTrue(message.get("text").asText().startsWith("[SU-35] Hanoi signs &lt;b&gt;for&lt;/b&gt; jets &amp;"
                    + " more"), message.toString());
            JsonNode blocks = message.get("blocks");
            assertEquals("header", blocks.get(0).get("type").asText());
            assertEquals("SU-35", blocks.get(0).get("text").get("text").asText());
            String first = blocks.get(1).get("text").get("text").asText();
            assertTrue(first.startsWith("*<https://news.example/s1|Hanoi signs &lt;b&gt;for&lt;/b&gt; jets &amp; more>*"),
                    first);
            assertTrue(first.contains("the *su-35* fleet"), first);
            String context = blocks.get(2).get("elements").get(0).get("text").asText();
            assertTrue(context.startsWith("Coastal Ledger · 4 Mar"), context);
            assertTrue(context.endsWith(" · also on 3 sites"), context);
            assertFalse(blocks.get(4).get("elements").get(0).get("text").asText().contains("also on"));
            assertEquals(5, blocks.size());
        }
    }

    @Test
    void rateLimitedAnswerIsRetryableWithTheReceiversPause() throws Exception {
        try (Receiver slack = new Receiver(n -> new Receiver.Answer(429, Map.of("Retry-After", "7"), "slow down"))) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> new SlackSink("slack",
                    SinkRoute.ALL, slack.url()).deliver(AlertBatch.of(Mentions.alert("su-35", "s", "t"))));
            assertTrue(e.retryable());
            assertEquals(Duration.ofSeconds(7), e.retryAfter());
        }
    }

    @Test
    void goneWebhookIsPermanentAndNoErrorShowsTheSecretPath() throws Exception {
        try (Receiver slack = new Receiver(n -> new Receiver.Answer(404, Map.of(), "no_service"))) {
            SlackSink sink = new SlackSink("slack", SinkRoute.ALL, slack.url());
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> sink.deliver(AlertBatch.of(Mentions.alert("su-35", "s", "t"))));
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
            assertFalse(sink.toString().contains("s3cr3t"), sink.toString());
        }
        SlackSink dead = new SlackSink("slack", SinkRoute.ALL,
                java.net.URI.create("http://127.0.0.1:1/services/T/B/s3cr3tT0ken"));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> dead.deliver(AlertBatch.of(Mentions.alert("su-35", "s", "t"))));
        assertTrue(e.retryable());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }
}
