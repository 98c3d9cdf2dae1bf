package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.launcher.deploy.PromQl;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.json.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards the way an operator sees them: a real Prometheus (Debian's {@code prometheus}, which
 * {@code .ci/run} installs) scrapes the packaged demo with the shipped rules; every Grafana panel query returns data
 * (zeros where nothing failed, never "No data") and every rule evaluates without error.
 */
class DashboardQueriesIT {

    static final Path PROMETHEUS = Path.of(System.getProperty("wirewatch.prometheus", "/usr/bin/prometheus"));
    private static final Pattern METRICS = Pattern.compile("metrics at http://([^/\\s]+)/metrics");

    @TempDir
    Path dir;

    @Test
    void everyPanelQueryReturnsDataAndEveryRuleEvaluates() throws Exception {
        assertTrue(Files.isExecutable(PROMETHEUS), "needs Debian's prometheus (" + PROMETHEUS + "): run .ci/run, or "
                + "apt-get install prometheus");
        PackagedJar demo = PackagedJar.start("512m", "demo", "--data-dir", dir.resolve("data").toString(),
                "--metrics-port", "0", "--desk-port", "-1");
        Process prometheus = null;
        try {
            String[] target = new String[1];
            Await.until("the demo serves /metrics", Duration.ofSeconds(120), () -> {
                for (String line : demo.output()) {
                    Matcher m = METRICS.matcher(line);
                    if (m.find()) {
                        target[0] = m.group(1);
                        return true;
                    }
                }
                return false;
            }, () -> String.join("\n", demo.output()));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global: { scrape_interval: 1s, evaluation_interval: 1s }\n"
                    + "rule_files: [" + PromQl.DEPLOY.resolve("prometheus/rules.yml").toAbsolutePath() + "]\n"
                    + "scrape_configs:\n  - job_name: wirewatch\n    static_configs:\n"
                    + "      - targets: [\"" + target[0] + "\"]\n        labels: { service: demo }\n");
            prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            String api = "http://127.0.0.1:" + port + "/api/v1/";
            HttpClient http = HttpClient.newHttpClient();
            List<String> queries = PromQl.dashboardExpressions();
            TreeMap<String, String> empty = new TreeMap<>();
            Await.until("every panel query returns data", Duration.ofSeconds(120), () -> {
                empty.clear();
                for (String query : queries) {
                    JsonNode result = query(http, api, query);
                    if (result == null || result.isEmpty()) {
                        empty.put(query, String.valueOf(result));
                    }
                }
                return empty.isEmpty();
            }, () -> "no data for " + empty.keySet());
            JsonNode groups = get(http, api + "rules").get("data").get("groups");
            List<String> unhealthy = new ArrayList<>();
            int rules = 0;
            for (JsonNode group : groups) {
                for (JsonNode rule : group.get("rules")) {
                    rules++;
                    if (!"ok".equals(rule.path("health").asText())) {
                        unhealthy.add(rule.get("name").asText() + ": " + rule.path("lastError").asText());
                    }
                }
            }
            assertEquals(PromQl.ruleExpressions().size(), rules, "every shipped rule is loaded");
            assertEquals(List.of(), unhealthy);
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor(20, TimeUnit.SECONDS);
            }
            demo.process().toHandle().destroy();
            demo.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static JsonNode query(HttpClient http, String api, String query) {
        try {
            JsonNode answer = get(http, api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            return answer == null ? null : answer.path("data").path("result");
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
    }
}
