package dev.wirewatch.desk;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.desk.auth.Accounts;
import dev.wirewatch.desk.auth.Sessions;
import dev.wirewatch.desk.edit.DeskWriter;
import dev.wirewatch.desk.edit.DlqReplay;
import dev.wirewatch.desk.edit.MuteReplay;
import dev.wirewatch.desk.feed.DeskReader;
import dev.wirewatch.desk.index.ArticleIndex;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.desk.web.DeskBackend;
import dev.wirewatch.desk.web.DeskServer;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk service: an article index and a view rebuilt from Kafka, a writer for editors' changes, and the web
 * server in front of them. Runs inside {@code wirewatch run}/{@code demo} or alone ({@code wirewatch desk}).
 *
 * <p>{@link #start} returns once the server listens (the view fills in the background; the desk says "catching up"
 * until it has read what the topics held at start). {@link #close()} stops everything in reverse order.
 */
public final class Desk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

    private final Deque<AutoCloseable> started;
    private final DeskServer server;
    private final DeskReader reader;

    private Desk(Deque<AutoCloseable> started, DeskServer server, DeskReader reader) {
        this.started = started;
        this.server = server;
        this.reader = reader;
    }

    /**
     * @param sinkRoutes the configured alert sinks with their routes
     * @param indexDir   where the article index lives; emptied at start
     * @param replay     the dead-letter replay behind the deliveries page's button, or null for none
     * @param muteReplay sends what a lifted mute held back (the mutes page's "lift and send")
     */
    public static Desk start(DeskSettings settings, KafkaConnection kafka, Topics topics,
                             Map<String, SinkRoute> sinkRoutes, Path indexDir, DlqReplay replay,
                             MuteReplay muteReplay, MeterRegistry registry, Clock clock) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DeskView view = new DeskView(sinkRoutes, settings.retention());
            ArticleIndex index = ArticleIndex.rebuiltIn(indexDir);
            started.push(index);
            DeskWriter writer = new DeskWriter(kafka, topics);
            started.push(writer);
            AtomicReference<DeskServer> serverRef = new AtomicReference<>();
            DeskReader reader = new DeskReader(kafka, topics, view, index, changes -> {
                DeskServer s = serverRef.get();
                if (s != null) {
                    s.publish(changes);
                }
            }, settings.retention(), registry);
            Accounts accounts = new Accounts(settings.users(), settings.apiTokens());
            if (accounts.none()) {
                LOG.warn("desk: no desk.users and no desk.apiTokens are configured, so nobody can sign in");
            }
            DeskBackend backend = new DeskBackend(view, index, writer, replay, muteReplay, accounts,
                    new Sessions(settings.sessionTimeout(), clock), reader::caughtUp, clock, registry);
            DeskServer server = DeskServer.start(settings.bindAddress(), settings.port(), backend);
            started.push(server);
            serverRef.set(server);
            reader.start();
            started.push(reader);
            return new Desk(started, server, reader);
        } catch (RuntimeException e) {
            started.forEach(Desk::closeQuietly);
            throw e;
        }
    }

    /** The port the desk listens on. */
    public int port() {
        return server.port();
    }

    /** True while the reader that keeps the view current runs (liveness). */
    public boolean alive() {
        return reader.alive();
    }

    /** True once the view holds what the topics held at start (readiness). */
    public boolean caughtUp() {
        return reader.caughtUp();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("error while stopping the desk's {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }
}
