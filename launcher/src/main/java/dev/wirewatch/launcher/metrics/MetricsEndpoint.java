package dev.wirewatch.launcher.metrics;

import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.launcher.http.HttpResponses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code /metrics} (Prometheus text format), {@code /health} (readiness: 200 when ready, 503 otherwise) and
 * {@code /health/live} (liveness: 200 while the process serves requests) with the JDK's HTTP server.
 *
 * <p>Thread safe; {@link #close()} stops it.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening on {@code bindAddress:port} (port 0 picks a free one).
     *
     * @throws IOException when the port is taken or the address is not local
     */
    public static MetricsEndpoint start(String bindAddress, int port, PrometheusMeterRegistry registry,
                                        BooleanSupplier ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        server.createContext("/metrics", exchange -> HttpResponses.send(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext("/health/live", exchange -> HttpResponses.send(exchange, 200, "application/json",
                "{\"status\":\"UP\"}"));
        server.createContext("/health", exchange -> {
            boolean ok = ready.getAsBoolean();
            HttpResponses.send(exchange, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        server.start();
        return new MetricsEndpoint(server);
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
