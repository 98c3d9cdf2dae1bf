package dev.wirewatch.desk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirewatch.desk.view.DeskChange;
import dev.wirewatch.model.json.Json;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's HTTP server (Javalin on Jetty): pages, {@code /api/v1}, static files, with {@link Guard} in front of
 * every route and security headers on every answer.
 *
 * <p>Thread safe; {@link #close()} stops it and ends the live streams.
 */
public final class DeskServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);

    /** Pages load scripts and styles from the desk itself only; no inline script, no framing, no foreign form. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Javalin app;
    private final LiveEvents live;

    private DeskServer(Javalin app, LiveEvents live) {
        this.app = app;
        this.live = live;
    }

    /** Starts listening on {@code host:port} (0: any free port). */
    public static DeskServer start(String host, int port, DeskBackend backend) {
        ObjectMapper json = Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        LiveEvents live = new LiveEvents(json);
        Gauge.builder("wirewatch_desk_live_streams", live, LiveEvents::size)
                .description("open /api/v1/events streams (desk pages and API clients)").register(backend.registry());
        Gauge.builder("wirewatch_desk_indexed_articles", backend.index(), i -> i.size())
                .description("retained articles in the desk's search index").register(backend.registry());
        Gauge.builder("wirewatch_desk_caught_up", backend.caughtUp(), c -> c.getAsBoolean() ? 1 : 0)
                .description("1 once the desk's view holds what the topics held at its start")
                .register(backend.registry());
        Guard guard = new Guard(backend.accounts(), backend.sessions());
        Templates templates = new Templates();
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 2_000_000;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                if (!ctx.path().startsWith("/static/")) {
                    ctx.header("Cache-Control", "no-store");
                }
            });
            config.routes.beforeMatched(guard::check);
            new ApiRoutes(backend, live).register(config.routes);
            new PageRoutes(backend, templates).register(config.routes);
            new MuteRoutes(backend, templates).register(config.routes);
            config.routes.exception(Denied.class, (e, ctx) -> {
                if (e.redirect != null) {
                    ctx.redirect(e.redirect, HttpStatus.SEE_OTHER);
                } else {
                    ctx.status(e.status).json(new ApiJson.Error(e.getMessage(), null, null));
                }
            });
            config.routes.exception(BadInput.class, (e, ctx) -> ctx.status(400).json(new ApiJson.Error(
                    e.getMessage(), e.position >= 0 ? e.position : null, e.field)));
            config.routes.exception(IllegalStateException.class, (e, ctx) -> {
                LOG.warn("desk: {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(503).json(new ApiJson.Error(e.getMessage(), null, null));
            });
        });
        app.start();
        return new DeskServer(app, live);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Announces changes to the open live streams. */
    public void publish(List<DeskChange> changes) {
        live.publish(changes);
    }

    @Override
    public void close() {
        live.closeAll();
        app.stop();
    }
}
