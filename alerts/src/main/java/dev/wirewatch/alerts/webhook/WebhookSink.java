package dev.wirewatch.alerts.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.alerts.http.JsonPost;
import dev.wirewatch.model.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * POSTs each batch as JSON {@code {"sink", "alerts": [alert, ...]}} (alerts in the file sink's fields, each with its
 * {@code deliveryId}); with a secret, signed by {@link Signature}. The {@code webhook-id} header (Standard Webhooks)
 * names the batch by its sink and alerts, so the one resend a crash between a send and its ledger record can cause
 * carries the same id and a receiver can drop it; an alert's {@code deliveryId} (sink, topic, story) stays the same
 * even when a resend groups it with others.
 *
 * <p>Thread safe. The URL and the secret appear in no message, log or {@link #toString()}.
 */
public final class WebhookSink extends RoutedSink {

    /** The Standard Webhooks header that names a delivery. */
    public static final String ID_HEADER = "webhook-id";

    private final URI url;
    private final String secret;
    private final Clock clock;
    private final JsonPost post = new JsonPost();

    /** {@code secret} may be null for unsigned deliveries. */
    public WebhookSink(String id, SinkRoute route, URI url, String secret, Clock clock) {
        super(id, route);
        this.url = url;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        this.clock = clock;
    }

    @Override
    public void deliver(AlertBatch batch) throws DeliveryException {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("sink", id());
        ArrayNode alerts = Json.mapper().valueToTree(batch.alerts());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = batch.alerts().get(i);
            String deliveryId = deliveryId(id() + "/" + alert.topic() + "/" + alert.storyId());
            ((ObjectNode) alerts.get(i)).put("deliveryId", deliveryId);
            ids.add(deliveryId);
        }
        payload.set("alerts", alerts);
        String body;
        try {
            body = Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alerts are plain records and always serialize", e);
        }
        Map<String, String> headers = new HashMap<>();
        ids.sort(null);
        headers.put(ID_HEADER, deliveryId(String.join(",", ids)));
        if (secret != null) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            headers.put(Signature.TIMESTAMP_HEADER, timestamp);
            headers.put(Signature.SIGNATURE_HEADER, Signature.sign(secret, timestamp, body));
        }
        post.post(url, body, headers);
    }

    /** {@code msg_} and the first 128 bits of the SHA-256 of {@code what}, in hex. */
    static String deliveryId(String what) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSink[" + id() + " → " + JsonPost.redact(url) + (secret != null ? ", signed" : "") + "]";
    }
}
