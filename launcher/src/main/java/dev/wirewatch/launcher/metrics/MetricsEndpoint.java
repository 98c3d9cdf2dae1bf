package dev.wirewatch.launcher.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.desk.auth.PasswordHashes;
import dev.wirewatch.launcher.http.HttpResponses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/**
 * Serves exactly three paths with the JDK's HTTP server: {@code /metrics} (Prometheus text format), {@code /health}
 * (readiness: 200 when ready, 503 otherwise) and {@code /health/live} (liveness: 200 until a component is dead for
 * good, then 503, so the process gets restarted). Any other path is 404, any method but GET and HEAD 405; {@code /metrics} needs the configured bearer
 * token or basic credentials when there are any (401 with {@code WWW-Authenticate} otherwise).
 *
 * <p>Thread safe; {@link #close()} stops it.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final String JSON = "application/json";

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening on {@code settings.bindAddress():port} (port 0 picks a free one).
     *
     * @throws IOException when the port is taken or the address is not local
     */
    public static MetricsEndpoint start(MetricsSettings settings, int port, PrometheusMeterRegistry registry,
                                        BooleanSupplier ready) throws IOException {
        return start(settings, port, registry, ready, () -> true);
    }

    /** As above, with {@code /health/live} answering 503 once {@code live} says false. */
    public static MetricsEndpoint start(MetricsSettings settings, int port, PrometheusMeterRegistry registry,
                                        BooleanSupplier ready, BooleanSupplier live) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), port), 0);
        server.createContext("/", exchange -> route(exchange, settings, registry, ready, live));
        server.start();
        return new MetricsEndpoint(server);
    }

    private static void route(HttpExchange exchange, MetricsSettings settings, PrometheusMeterRegistry registry,
                              BooleanSupplier ready, BooleanSupplier live) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals("/metrics") && !path.equals("/health") && !path.equals("/health/live")) {
            HttpResponses.send(exchange, 404, JSON, "{\"error\":\"not found: /metrics, /health, /health/live\"}");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            HttpResponses.send(exchange, 405, JSON, "{\"error\":\"only GET and HEAD\"}");
            return;
        }
        switch (path) {
            case "/metrics" -> {
                if (!authorized(exchange, settings)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate",
                            settings.basicAuth() != null ? "Basic realm=\"wirewatch\"" : "Bearer");
                    HttpResponses.send(exchange, 401, JSON, "{\"error\":\"credentials required\"}");
                    return;
                }
                HttpResponses.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
            case "/health/live" -> {
                boolean ok = live.getAsBoolean();
                HttpResponses.send(exchange, ok ? 200 : 503, JSON, ok ? "{\"status\":\"UP\"}" : "{\"status\":\"DEAD\"}");
            }
            default -> {
                boolean ok = ready.getAsBoolean();
                HttpResponses.send(exchange, ok ? 200 : 503, JSON, ok ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
            }
        }
    }

    /** Whether the request carries the configured credentials (always, when none are configured). */
    static boolean authorized(HttpExchange exchange, MetricsSettings settings) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (settings.bearerToken() != null) {
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                    settings.bearerToken().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.basicAuth() != null) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            return colon > 0 && decoded.substring(0, colon).equals(settings.basicAuth().username())
                    && PasswordHashes.matches(decoded.substring(colon + 1), settings.basicAuth().passwordHash());
        }
        return true;
    }

    /** {@code http://host:port}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
