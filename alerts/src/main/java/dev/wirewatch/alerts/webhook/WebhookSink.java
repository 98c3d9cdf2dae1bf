package dev.wirewatch.alerts.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.alerts.TopicRoute;
import dev.wirewatch.alerts.http.JsonPost;
import dev.wirewatch.model.json.Json;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * POSTs each batch as JSON {@code {"sink", "alerts": [alert, ...]}} (alerts in the file sink's fields); with a secret,
 * signed by {@link Signature}.
 *
 * <p>Thread safe. The URL and the secret appear in no message, log or {@link #toString()}.
 */
public final class WebhookSink extends RoutedSink {

    private final URI url;
    private final String secret;
    private final Clock clock;
    private final JsonPost post = new JsonPost();

    /** {@code secret} may be null for unsigned deliveries. */
    public WebhookSink(String id, TopicRoute route, URI url, String secret, Clock clock) {
        super(id, route);
        this.url = url;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        this.clock = clock;
    }

    @Override
    public void deliver(AlertBatch batch) throws DeliveryException {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("sink", id());
        payload.set("alerts", Json.mapper().valueToTree(batch.alerts()));
        String body;
        try {
            body = Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alerts are plain records and always serialize", e);
        }
        Map<String, String> headers = new HashMap<>();
        if (secret != null) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            headers.put(Signature.TIMESTAMP_HEADER, timestamp);
            headers.put(Signature.SIGNATURE_HEADER, Signature.sign(secret, timestamp, body));
        }
        post.post(url, body, headers);
    }

    @Override
    public String toString() {
        return "WebhookSink[" + id() + " → " + JsonPost.redact(url) + (secret != null ? ", signed" : "") + "]";
    }
}
