package dev.wirewatch.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.Mentions;
import dev.wirewatch.alerts.Receiver;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T06:10:00Z"), ZoneOffset.UTC);

    @Test
    void receiverVerifiesTheHmacOfTimestampAndBody() throws Exception {
        try (Receiver receiver = new Receiver(n -> Receiver.Answer.ok())) {
            WebhookSink sink = new WebhookSink("hook", SinkRoute.ALL, receiver.url(), "shared-key", CLOCK);
            sink.deliver(AlertBatch.of(Mentions.alert("c-130", "s1", "Transport lands")));
            Receiver.Request request = receiver.requests().get(0);
            String timestamp = request.header(Signature.TIMESTAMP_HEADER);
            assertEquals("1772604600", timestamp);
            assertTrue(Signature.verify("shared-key", timestamp, request.body(),
                    request.header(Signature.SIGNATURE_HEADER)));
            assertFalse(Signature.verify("other-key", timestamp, request.body(),
                    request.header(Signature.SIGNATURE_HEADER)));
            assertFalse(Signature.verify("shared-key", timestamp, request.body().replace("Transport", "Tampered"),
                    request.header(Signature.SIGNATURE_HEADER)));
            JsonNode body = Json.mapper().readTree(request.body());
            assertEquals("hook", body.get("sink").asText());
            assertEquals("c-130", body.get("alerts").get(0).get("topic").asText());
            assertFalse(sink.toString().contains("s3cr3t") || sink.toString().contains("shared-key"));
        }
    }

    @Test
    void aResendOfTheSameAlertsCarriesTheSameDeliveryIds() throws Exception {
        try (Receiver receiver = new Receiver(n -> Receiver.Answer.ok())) {
            WebhookSink sink = new WebhookSink("hook", SinkRoute.ALL, receiver.url(), null, CLOCK);
            sink.deliver(AlertBatch.of(Mentions.alert("c-130", "s1", "Transport lands")));
            sink.deliver(AlertBatch.of(Mentions.alert("c-130", "s1", "Transport lands")));
            sink.deliver(AlertBatch.of(Mentions.alert("c-130", "s2", "Another story")));
            List<Receiver.Request> got = receiver.requests();
            String first = got.get(0).header(WebhookSink.ID_HEADER);
            assertTrue(first.matches("msg_[0-9a-f]{32}"), first);
            assertEquals(first, got.get(1).header(WebhookSink.ID_HEADER), "the resend is recognizable");
            assertFalse(first.equals(got.get(2).header(WebhookSink.ID_HEADER)));
            String alertId = Json.mapper().readTree(got.get(0).body()).get("alerts").get(0).get("deliveryId").asText();
            assertEquals(alertId, Json.mapper().readTree(got.get(1).body()).get("alerts").get(0).get("deliveryId")
                    .asText());
            WebhookSink other = new WebhookSink("other", SinkRoute.ALL, receiver.url(), null, CLOCK);
            other.deliver(AlertBatch.of(Mentions.alert("c-130", "s1", "Transport lands")));
            assertFalse(first.equals(receiver.requests().get(3).header(WebhookSink.ID_HEADER)), "per sink");
        }
    }

    @Test
    void withoutASecretNothingIsSigned() throws Exception {
        try (Receiver receiver = new Receiver(n -> Receiver.Answer.ok())) {
            new WebhookSink("hook", SinkRoute.ALL, receiver.url(), null, CLOCK)
                    .deliver(AlertBatch.of(Mentions.alert("c-130", "s1", "Transport lands")));
            assertNull(receiver.requests().get(0).header(Signature.SIGNATURE_HEADER));
        }
    }
}
