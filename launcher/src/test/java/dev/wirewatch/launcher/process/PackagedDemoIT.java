package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.wirewatch.launcher.deploy.PromQl;
import dev.wirewatch.launcher.support.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as {@code ./wirewatch demo} runs it, in its own JVM: it starts, serves /health and /metrics,
 * delivers the demo's alerts, and stops cleanly on SIGTERM.
 */
class PackagedDemoIT {

    private static final Pattern METRICS = Pattern.compile("metrics at (http://\\S+)/metrics");
    private static final Pattern DESK = Pattern.compile(
            "desk at (http://\\S+/) \\(sign in as demo with password (\\S+)\\)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    @Test
    void demoRunsAsItsOwnProcessAndStopsCleanlyOnSigterm() throws Exception {
        PackagedJar demo = PackagedJar.start("512m", "demo", "--data-dir", dataDir.toString(), "--metrics-port",
                "0", "--desk-port", "0");
        Process process = demo.process();
        List<String> output = demo.output();
        Thread reader = demo.reader();
        try {
            String metricsUrl = awaitLine(output, METRICS, 120);
            awaitAlerts(dataDir.resolve("alerts.jsonl"), 4, 120);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(metricsUrl + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(metricsUrl + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(metrics.body().contains("wirewatch_alerts_delivered_total{sink=\"file\"} 4.0"),
                    metrics.body());
            for (String kafka : List.of("kafka_consumer_fetch_manager_records_lag_max", "kafka_stream_client_state",
                    "kafka_producer_record_send_total")) {
                assertTrue(metrics.body().contains(kafka), kafka + " missing from /metrics");
            }
            // every metric a dashboard panel or an alert rule reads must exist, or the panel is silently empty
            Set<String> missing = new TreeSet<>(PromQl.shippedMetricNames());
            missing.removeAll(PromQl.scrapedNames(metrics.body()));
            assertEquals(Set.of(), missing, "used by deploy/grafana or deploy/prometheus but not exported");
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(metricsUrl + "/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());
            assertTheDemoUserSeesTheStories(output);
        } finally {
            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not stop within 60 s of SIGTERM:\n"
                + String.join("\n", output));
        reader.join(5_000);
        assertEquals(143, process.exitValue(), "exit code of a JVM stopped by SIGTERM");
        assertTrue(output.stream().anyMatch(l -> l.contains("PENDING_SHUTDOWN -> NOT_RUNNING")),
                "processing closed cleanly:\n" + String.join("\n", output));
    }

    /** What a new user does: open the printed address, sign in with the printed password, see the stories. */
    private static void assertTheDemoUserSeesTheStories(List<String> output) throws Exception {
        String line = output.stream().filter(l -> DESK.matcher(l).find()).findFirst().orElseThrow(
                () -> new AssertionError("no desk line in " + output));
        Matcher desk = DESK.matcher(line);
        assertTrue(desk.find());
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(desk.group(1) + "login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        assertTrue(csrf.find(), login.body());
        String loginCookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(desk.group(1) + "login"))
                .header("Cookie", loginCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&username=demo&password="
                        + desk.group(2))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String session = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("wirewatch_session=")).findFirst().orElseThrow().split(";")[0];
        Matcher api = Pattern.compile("desk API at (http://\\S+/api/v1/) with Authorization: Bearer (\\S+)")
                .matcher(String.join("\n", output));
        assertTrue(api.find(), "the demo prints an API token: " + output);
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(api.group(1) + "topics"))
                .header("Authorization", "Bearer " + api.group(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withToken.statusCode(), withToken.body());
        assertTrue(withToken.body().contains("\"su-35\""), withToken.body());
        Await.until("the desk lists the demo's three stories", Duration.ofSeconds(30), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(desk.group(1) + "api/v1/stories"))
                        .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .split("\"firstSeenAt\"", -1).length - 1 == 3;
            } catch (Exception e) {
                return false;
            }
        }, () -> "stories missing");
    }

    private static String awaitLine(List<String> output, Pattern pattern, int seconds) {
        String[] found = new String[1];
        Await.until("a line matching " + pattern, Duration.ofSeconds(seconds), () -> {
            for (String line : output) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    found[0] = m.group(1);
                    return true;
                }
            }
            return false;
        }, () -> String.join("\n", output));
        return found[0];
    }

    private static void awaitAlerts(Path alerts, int count, int seconds) {
        Await.until(count + " alerts are written", Duration.ofSeconds(seconds), () -> {
            try {
                return Files.exists(alerts) && Files.readAllLines(alerts).size() >= count;
            } catch (java.io.IOException e) {
                return false; // being written: look again
            }
        }, () -> "");
    }
}
