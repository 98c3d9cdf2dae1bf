package dev.wirewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failure counters exist at zero before the first failure, so dashboards show 0 and not "No data". */
class IngestMetricsTest {

    @Test
    void failureCountersStartAtZeroForEveryFeedAndPageOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry);
        for (String outcome : IngestMetrics.PAGE_FAILURES) {
            assertEquals(0, counter(registry, "wirewatch.page.fetches", "outcome", outcome).count(), outcome);
        }
        assertEquals(0, counter(registry, "wirewatch.extraction.failures", "reason", "empty").count());
        metrics.feedPolled("Wire", "ok", Duration.ofMillis(5));
        for (String outcome : IngestMetrics.FEED_FAILURES) {
            Counter c = registry.find("wirewatch.feed.polls").tag("feed", "Wire").tag("outcome", outcome).counter();
            assertNotNull(c, outcome);
            assertEquals(0, c.count(), outcome);
        }
        metrics.feedPolled("Wire", "timeout", Duration.ofMillis(5));
        assertEquals(1, registry.find("wirewatch.feed.polls").tag("feed", "Wire").tag("outcome", "timeout")
                .counter().count());
    }

    private static Counter counter(SimpleMeterRegistry registry, String name, String tag, String value) {
        Counter c = registry.find(name).tag(tag, value).counter();
        assertNotNull(c, name + "{" + tag + "=" + value + "}");
        return c;
    }
}
