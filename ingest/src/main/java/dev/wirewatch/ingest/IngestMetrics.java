package dev.wirewatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

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

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articles = Counter.builder("wirewatch.ingest.articles").description("articles produced")
                .register(registry);
        this.bytes = Counter.builder("wirewatch.ingest.bytes").baseUnit("bytes")
                .description("response bytes read, feeds and pages").register(registry);
        for (String reason : EXTRACTION_FAILURES) {
            extractionFailures(reason); // registered up front: dashboards see zeros, not gaps
        }
    }

    /** Page outcomes that mean the page came back but gave no article: the extractor's failures. */
    private static final java.util.Set<String> EXTRACTION_FAILURES = java.util.Set.of("empty", "not-html");

    private Counter extractionFailures(String reason) {
        return Counter.builder("wirewatch.extraction.failures")
                .description("fetched pages that yielded no article text, by reason").tag("reason", reason)
                .register(registry);
    }

    void feedPolled(String feed, String outcome, Duration took) {
        Counter.builder("wirewatch.feed.polls").description("feed polls by feed and outcome")
                .tag("feed", feed).tag("outcome", outcome).register(registry).increment();
        Timer.builder("wirewatch.feed.poll.duration").description("time to fetch and parse a feed")
                .tag("feed", feed).register(registry).record(took);
    }

    void pageFetched(String outcome) {
        Counter.builder("wirewatch.page.fetches").description("article page fetches by outcome")
                .tag("outcome", outcome).register(registry).increment();
        if (EXTRACTION_FAILURES.contains(outcome)) {
            extractionFailures(outcome).increment();
        }
    }

    void articleProduced() {
        articles.increment();
    }

    void bytesRead(long n) {
        bytes.increment(n);
    }
}
