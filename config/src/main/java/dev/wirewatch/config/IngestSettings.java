package dev.wirewatch.config;

import java.time.Duration;

/**
 * How the ingest service fetches feeds and pages.
 *
 * <p>Immutable. Defaults and why: private networks refused (a feed must not make Wirewatch fetch internal URLs);
 * a User-Agent that says who is fetching; 5 MB per response (news pages are far smaller, bombs are not); 10 s to
 * connect and 30 s per request (a dead server must not hold a feed's turn); robots.txt respected for article pages;
 * at least 1 s between two requests to one host (longer when its robots.txt asks with Crawl-delay).
 */
public record IngestSettings(
        Boolean allowPrivateNetworks,
        String userAgent,
        Long maxBodyBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        Boolean respectRobots,
        Duration hostDelay) {

    public static final String DEFAULT_USER_AGENT = "Wirewatch/0.1 (+https://github.com/wirewatch/wirewatch)";
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

    public IngestSettings {
        allowPrivateNetworks = allowPrivateNetworks != null && allowPrivateNetworks;
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        respectRobots = respectRobots == null || respectRobots;
        hostDelay = hostDelay == null ? Duration.ofSeconds(1) : hostDelay;
    }

    /** The product token robots.txt groups are matched against: the User-Agent's first word, lower case. */
    public String robotName() {
        String product = userAgent.trim().split("[/\\s]", 2)[0];
        return product.isEmpty() ? "wirewatch" : product.toLowerCase(java.util.Locale.ROOT);
    }
}
