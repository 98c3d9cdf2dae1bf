package dev.wirewatch.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.wirewatch.ingest.fetch.FetchException;
import dev.wirewatch.ingest.fetch.Fetched;
import dev.wirewatch.ingest.fetch.HttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each site's robots.txt allows Wirewatch, parsed by crawler-commons and cached per site (scheme, host, port)
 * for a day. A missing robots.txt (4xx) allows everything; a server error or an unreachable server disallows the
 * site until the next try, as RFC 9309 asks, and is retried after an hour rather than a day.
 *
 * <p>Thread safe.
 */
public final class RobotsCache {

    private static final Duration TTL = Duration.ofDays(1);
    private static final Duration FAILURE_TTL = Duration.ofHours(1);
    /** The longest Crawl-delay honoured; a site asking for more gets this much between requests. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    private final HttpFetcher fetcher;
    private final List<String> agentNames;
    private final Clock clock;
    // crawler-commons turns a Crawl-delay above its maximum into "disallow all"; Wirewatch caps the delay instead
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Duration.ofDays(1).toMillis(), 5);
    private final Map<String, Entry> bySite = new ConcurrentHashMap<>();

    private record Entry(BaseRobotRules rules, Instant expires) {
    }

    /** {@code agentNames}: the product tokens robots.txt groups are matched against, e.g. {@code wirewatch}. */
    public RobotsCache(HttpFetcher fetcher, List<String> agentNames, Clock clock) {
        this.fetcher = fetcher;
        this.agentNames = List.copyOf(agentNames);
        this.clock = clock;
    }

    /** Whether {@code url} may be fetched. */
    public boolean allowed(URI url) {
        return rules(url).isAllowed(url.toString());
    }

    /** The site's Crawl-delay (capped), or null when it names none. */
    public Duration crawlDelay(URI url) {
        long delay = rules(url).getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay <= 0 ? null
                : Duration.ofMillis(Math.min(delay, MAX_CRAWL_DELAY.toMillis()));
    }

    private BaseRobotRules rules(URI url) {
        String site = site(url);
        Instant now = clock.instant();
        Entry entry = bySite.get(site);
        if (entry == null || now.isAfter(entry.expires())) {
            entry = fetch(site, now);
            bySite.put(site, entry);
        }
        return entry.rules();
    }

    private Entry fetch(String site, Instant now) {
        URI robots = URI.create(site + "/robots.txt");
        try {
            Fetched fetched = fetcher.get(robots);
            return new Entry(parser.parseContent(robots.toString(), fetched.body(),
                    fetched.contentType() == null ? "text/plain" : fetched.contentType(), agentNames), now.plus(TTL));
        } catch (FetchException e) {
            int status = e.outcome().startsWith("http-") ? Integer.parseInt(e.outcome().substring(5)) : 503;
            BaseRobotRules rules = parser.failedFetch(status);
            return new Entry(rules, now.plus(status >= 400 && status < 500 ? TTL : FAILURE_TTL));
        }
    }

    private static String site(URI url) {
        return url.getScheme().toLowerCase() + "://" + url.getHost().toLowerCase()
                + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }
}
