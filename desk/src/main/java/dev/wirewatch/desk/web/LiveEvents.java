package dev.wirewatch.desk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirewatch.desk.view.DeskChange;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: a {@code text/event-stream} of {@code alert} events (an alert's fields) and
 * {@code story} events ({@code {"id"}}, each changed story once per batch), for any client that asks (curl needs no
 * {@code Accept} header).
 *
 * <p>Thread safe. Each stream is written only by its own request thread, from its own queue, so no two threads
 * ever write one response; a comment every {@value #HEARTBEAT_SECONDS} s keeps proxies from closing an idle stream
 * and finds clients that went away. A client that falls {@value #QUEUE} events behind is dropped (its page
 * reconnects and reloads its rows). At most {@value #MAX_STREAMS} streams at once (each holds a server thread);
 * more get 503.
 */
final class LiveEvents {

    static final int MAX_STREAMS = 100;
    static final int QUEUE = 1_000;
    static final long HEARTBEAT_SECONDS = 15;
    private static final String CLOSE = "";
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final Set<BlockingQueue<String>> streams = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private volatile boolean open = true;

    LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    /** Serves one stream until the client goes away or the desk stops; blocks its request thread meanwhile. */
    void serve(Context ctx) throws InterruptedException {
        if (streams.size() >= MAX_STREAMS) {
            ctx.status(503).json(new ApiJson.Error("too many open event streams (" + MAX_STREAMS + ")", null, null));
            return;
        }
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("X-Accel-Buffering", "no");
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE);
        streams.add(queue);
        try {
            ServletOutputStream out = res.getOutputStream();
            write(out, ": connected\n\n");
            while (open) {
                String frame = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(frame)) {
                    break;
                }
                write(out, frame == null ? ": keep-alive\n\n" : frame);
            }
        } catch (IOException e) {
            LOG.debug("a live stream ended: {}", e.toString());
        } finally {
            streams.remove(queue);
        }
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
        return streams.size();
    }

    private void send(String event, Object data) {
        String frame;
        try {
            frame = "event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write a live {} event: {}", event, e.getMessage());
            return;
        }
        for (BlockingQueue<String> queue : streams) {
            if (!queue.offer(frame)) {
                LOG.info("dropping a live stream {} events behind", QUEUE);
                streams.remove(queue);
                queue.clear();
                queue.offer(CLOSE);
            }
        }
    }

    private static void write(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every stream (the desk is stopping). */
    void closeAll() {
        open = false;
        for (BlockingQueue<String> queue : streams) {
            queue.clear();
            queue.offer(CLOSE);
        }
    }
}
