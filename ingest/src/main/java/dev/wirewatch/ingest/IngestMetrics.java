package dev.wirewatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ingest service's meters. Names are Prometheus-style once exported ({@code wirewatch_feed_polls_total}, ...)
 * and are listed in the README.
 *
 * <p>Thread safe.
 */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter articles;
    private final Counter bytes;
    private final Counter writeFailures;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articles = Counter.builder("wirewatch.ingest.articles").description("articles produced")
                .register(registry);
        this.bytes = Counter.builder("wirewatch.ingest.bytes").baseUnit("bytes")
                .description("response bytes read, feeds and pages").register(registry);
        this.writeFailures = Counter.builder("wirewatch.ingest.write.failures")
                .description("articles Kafka did not acknowledge; their links are fetched again").register(registry);
        // registered up front: dashboards and rules see zeros, not "No data", until the first failure
        for (String reason : EXTRACTION_FAILURES) {
            extractionFailures(reason);
        }
        for (String outcome : PAGE_FAILURES) {
            pageFetches(outcome);
        }
    }

    /**
     * The failure outcomes every feed's and page's counters start with at zero (others, such as {@code http-503},
     * appear when they first happen).
     */
    static final List<String> FEED_FAILURES = List.of("malformed", "timeout", "connect", "too-large",
            "refused-private-network");
    static final List<String> PAGE_FAILURES = List.of("timeout", "connect", "too-large", "too-many-redirects",
            "redirect-loop", "refused-private-network", "robots-disallowed", "empty", "not-html");

    private final Set<String> feedsSeen = ConcurrentHashMap.newKeySet();

    /** Page outcomes that mean the page came back but gave no article: the extractor's failures. */
    private static final Set<String> EXTRACTION_FAILURES = Set.of("empty", "not-html");

    private Counter extractionFailures(String reason) {
        return Counter.builder("wirewatch.extraction.failures")
                .description("fetched pages that yielded no article text, by reason").tag("reason", reason)
                .register(registry);
    }

    void feedPolled(String feed, String outcome, Duration took) {
        if (feedsSeen.add(feed)) {
            FEED_FAILURES.forEach(failure -> feedPolls(feed, failure));
        }
        feedPolls(feed, outcome).increment();
        Timer.builder("wirewatch.feed.poll.duration").description("time to fetch and parse a feed")
                .tag("feed", feed).register(registry).record(took);
    }

    private Counter feedPolls(String feed, String outcome) {
        return Counter.builder("wirewatch.feed.polls").description("feed polls by feed and outcome")
                .tag("feed", feed).tag("outcome", outcome).register(registry);
    }

    private Counter pageFetches(String outcome) {
        return Counter.builder("wirewatch.page.fetches").description("article page fetches by outcome")
                .tag("outcome", outcome).register(registry);
    }

    void pageFetched(String outcome) {
        pageFetches(outcome).increment();
        if (EXTRACTION_FAILURES.contains(outcome)) {
            extractionFailures(outcome).increment();
        }
    }

    void writeFailed(int articles) {
        writeFailures.increment(articles);
    }

    void articleProduced() {
        articles.increment();
    }

    void bytesRead(long n) {
        bytes.increment(n);
    }
}
