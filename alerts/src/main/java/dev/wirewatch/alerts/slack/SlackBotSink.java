package dev.wirewatch.alerts.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.alerts.http.JsonPost;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Posts each batch to a Slack channel through the Web API ({@code chat.postMessage} with a bot token) as one Block Kit
 * message ({@link SlackMessage}), and answers the message's {@code ts}, so that a follow-up goes into its thread.
 * Slack answers API errors with HTTP 200 and {@code "ok": false}: rate limits and Slack's own failures are retried,
 * a bad token, a missing scope or an unknown channel are not.
 *
 * <p>Thread safe. The bot token is a secret: it appears in no message, log or {@link #toString()}.
 */
public final class SlackBotSink extends RoutedSink {

    /** Slack's chat.postMessage, unless the config points elsewhere (a proxy, a test double). */
    public static final URI DEFAULT_API = URI.create("https://slack.com/api/chat.postMessage");

    private static final int MAX_ALERTS = 20;
    private static final Set<String> RETRYABLE = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final URI api;
    private final String token;
    private final String channel;
    private final JsonPost post = new JsonPost();

    public SlackBotSink(String id, SinkRoute route, URI api, String token, String channel) {
        super(id, route);
        this.api = api;
        this.token = token;
        this.channel = channel;
    }

    @Override
    public void deliver(AlertBatch batch) throws DeliveryException {
        send(batch);
    }

    @Override
    public String send(AlertBatch batch) throws DeliveryException {
        ObjectNode message = SlackMessage.message(batch);
        message.put("channel", channel);
        Alert lead = batch.alerts().get(0);
        if (lead.followsUp() && lead.threadRef() != null) {
            message.put("thread_ts", lead.threadRef());
        }
        String body = post.postForBody(api, message.toString(), Map.of("Authorization", "Bearer " + token));
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new DeliveryException(JsonPost.redact(api) + " answered something that is not JSON", true, null,
                    e);
        }
        if (answer.path("ok").asBoolean(false)) {
            return answer.path("ts").asText(null);
        }
        String error = answer.path("error").asText("unknown error");
        throw new DeliveryException("Slack refused the message: " + error, RETRYABLE.contains(error), null, null);
    }

    @Override
    public int maxBatch() {
        return MAX_ALERTS;
    }

    @Override
    public String toString() {
        return "SlackBotSink[" + id() + " → " + JsonPost.redact(api) + " #" + channel + "]";
    }
}
