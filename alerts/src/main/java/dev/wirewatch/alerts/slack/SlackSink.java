package dev.wirewatch.alerts.slack;

import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.alerts.http.JsonPost;
import java.net.URI;
import java.util.Map;

/**
 * Posts each batch to a Slack incoming webhook as one Block Kit message ({@link SlackMessage}).
 *
 * <p>Thread safe. The webhook URL is a secret: it appears in no message, log or {@link #toString()}.
 */
public final class SlackSink extends RoutedSink {

    /** Slack allows 50 blocks per message; each alert takes two, the header one. */
    private static final int MAX_ALERTS = 20;

    private final URI webhook;
    private final JsonPost post = new JsonPost();

    public SlackSink(String id, SinkRoute route, URI webhook) {
        super(id, route);
        this.webhook = webhook;
    }

    @Override
    public void deliver(AlertBatch batch) throws DeliveryException {
        post.post(webhook, SlackMessage.render(batch), Map.of());
    }

    @Override
    public int maxBatch() {
        return MAX_ALERTS;
    }

    @Override
    public String toString() {
        return "SlackSink[" + id() + " → " + JsonPost.redact(webhook) + "]";
    }
}
