package dev.wirewatch.launcher.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.desk.auth.PasswordHashes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    final HttpClient http = HttpClient.newHttpClient();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void onlyTheThreeExactPathsAnswerAndOnlyToGetAndHead() throws Exception {
        registry.counter("wirewatch_test").increment();
        AtomicBoolean ready = new AtomicBoolean(false);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new MetricsSettings(0, "127.0.0.1"), 0, registry,
                ready::get)) {
            assertEquals(200, send(endpoint, "GET", "/metrics", null).statusCode());
            assertTrue(send(endpoint, "GET", "/metrics", null).body().contains("wirewatch_test_total 1.0"));
            assertEquals(503, send(endpoint, "GET", "/health", null).statusCode());
            ready.set(true);
            assertEquals(200, send(endpoint, "GET", "/health", null).statusCode());
            assertEquals(200, send(endpoint, "HEAD", "/health/live", null).statusCode());
            for (String path : new String[] {"/healthz", "/metricsXYZ", "/metrics/", "/", "/health/live/x"}) {
                assertEquals(404, send(endpoint, "GET", path, null).statusCode(), path);
            }
            HttpResponse<String> delete = send(endpoint, "DELETE", "/metrics", null);
            assertEquals(405, delete.statusCode());
            assertEquals("GET, HEAD", delete.headers().firstValue("Allow").orElseThrow());
            assertEquals(405, send(endpoint, "POST", "/health", null).statusCode());
        }
    }

    @Test
    void livenessFailsOnceAComponentIsDeadForGood() throws Exception {
        AtomicBoolean live = new AtomicBoolean(true);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new MetricsSettings(0, "127.0.0.1"), 0, registry,
                () -> true, live::get)) {
            assertEquals(200, send(endpoint, "GET", "/health/live", null).statusCode());
            live.set(false);
            HttpResponse<String> dead = send(endpoint, "GET", "/health/live", null);
            assertEquals(503, dead.statusCode());
            assertTrue(dead.body().contains("DEAD"), dead.body());
        }
    }

    @Test
    void aBearerTokenOrBasicCredentialsGuardMetricsButNotTheProbes() throws Exception {
        MetricsSettings bearer = new MetricsSettings(0, "127.0.0.1", "a-metrics-token-0123", null);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(bearer, 0, registry, () -> true)) {
            HttpResponse<String> none = send(endpoint, "GET", "/metrics", null);
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(401, send(endpoint, "GET", "/metrics", "Bearer a-metrics-token-0124").statusCode());
            assertEquals(200, send(endpoint, "GET", "/metrics", "Bearer a-metrics-token-0123").statusCode());
            assertEquals(200, send(endpoint, "GET", "/health", null).statusCode(), "probes stay open");
        }
        MetricsSettings basic = new MetricsSettings(0, "127.0.0.1", null,
                new MetricsSettings.BasicAuth("prometheus", PasswordHashes.hash("scrape pass")));
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(basic, 0, registry, () -> true)) {
            assertEquals(401, send(endpoint, "GET", "/metrics", basic("prometheus", "wrong")).statusCode());
            assertEquals(401, send(endpoint, "GET", "/metrics", "Basic !!!").statusCode());
            assertEquals(200, send(endpoint, "GET", "/metrics", basic("prometheus", "scrape pass")).statusCode());
            assertEquals(200, send(endpoint, "GET", "/health/live", null).statusCode());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(MetricsEndpoint endpoint, String method, String path, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
