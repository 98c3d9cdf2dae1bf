package dev.wirewatch.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 for tests: routes answer fixed responses, optionally after a delay. */
public final class LocalHttpServer implements AutoCloseable {

    /** A canned response. */
    public record Route(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {
        public static Route ok(String contentType, byte[] body) {
            return new Route(200, contentType, body, Map.of(), 0);
        }

        public static Route status(int status) {
            return new Route(status, "text/plain", ("HTTP " + status).getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Route route = routes.getOrDefault(path, Route.status(404));
            try (exchange) {
                if (route.delayMillis() > 0) {
                    Thread.sleep(route.delayMillis());
                }
                String etag = route.headers().get("ETag");
                if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", route.contentType());
                route.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
                if (route.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(route.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (timeouts, size caps): nothing to do
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    public LocalHttpServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serves a classpath fixture. */
    public LocalHttpServer fixture(String path, String contentType, String resource) {
        return route(path, Route.ok(contentType, resource(resource)));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public static byte[] resource(String name) {
        try (InputStream in = LocalHttpServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
