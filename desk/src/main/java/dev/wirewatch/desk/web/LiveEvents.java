package dev.wirewatch.desk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirewatch.desk.view.DeskChange;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open {@code /api/v1/events} streams, and what is sent on them: an {@code alert} event per new alert (the alert's
 * fields) and a {@code story} event per story that changed ({@code {"id"}}), each story once per batch.
 *
 * <p>Thread safe. A client that cannot be written to is dropped.
 */
final class LiveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final ConcurrentLinkedQueue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final ObjectMapper json;

    LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    void publish(List<DeskChange> changes) {
        Set<String> stories = new LinkedHashSet<>();
        for (DeskChange change : changes) {
            if (DeskChange.ALERT.equals(change.kind())) {
                send(DeskChange.ALERT, change.alert());
            }
            stories.add(change.storyId());
        }
        stories.forEach(id -> send(DeskChange.STORY, Map.of("id", id)));
    }

    int size() {
        return clients.size();
    }

    private void send(String event, Object data) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write a live {} event: {}", event, e.getMessage());
            return;
        }
        for (SseClient client : clients) {
            try {
                client.sendEvent(event, text);
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    void closeAll() {
        clients.forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a live stream: {}", e.toString());
            }
        });
        clients.clear();
    }
}
