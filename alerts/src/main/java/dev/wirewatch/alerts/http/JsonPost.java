package dev.wirewatch.alerts.http;

import dev.wirewatch.alerts.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs a JSON body to a receiver (a Slack webhook, a newsroom's own endpoint) and turns the answer into success or a
 * {@link DeliveryException} that says whether to retry: 2xx is done; 408, 429 and 5xx are worth another try (with the
 * receiver's Retry-After, in seconds or as an HTTP date); any other status is permanent (a 404 webhook is gone).
 *
 * <p>Thread safe. Error messages name the receiver by scheme and host only: webhook URLs carry their secret in the
 * path.
 */
public final class JsonPost {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** POSTs {@code json} with the extra {@code headers}. */
    public void post(URI url, String json, Map<String, String> headers) throws DeliveryException {
        postForBody(url, json, headers);
    }

    /** As {@link #post}, returning the body of the 2xx answer (an API's result). */
    public String postForBody(URI url, String json, Map<String, String> headers) throws DeliveryException {
        String where = redact(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Wirewatch/0.1")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(where + " did not answer within " + TIMEOUT, e);
        } catch (IOException e) {
            throw new DeliveryException("cannot reach " + where + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + where, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body() == null ? "" : response.body();
        }
        String body = response.body() == null ? "" : response.body().strip();
        String message = where + " answered HTTP " + status + (body.isEmpty() ? ""
                : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        boolean retryable = status == 408 || status == 429 || status >= 500;
        Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        throw new DeliveryException(message, retryable, retryAfter, null);
    }

    /** {@code https://hooks.slack.com/…}: enough to tell receivers apart in a log, never the secret path. */
    public static String redact(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/…";
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                java.time.Instant at = java.time.ZonedDateTime.parse(header.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(java.time.Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e) {
                return null; // an unreadable Retry-After: fall back to our own backoff
            }
        }
    }
}
