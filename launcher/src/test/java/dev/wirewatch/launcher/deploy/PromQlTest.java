package dev.wirewatch.launcher.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void metricNamesAreFoundAndFunctionsLabelsRangesAndKeywordsAreNot() {
        assertEquals(Set.of("wirewatch_feed_polls_total"), PromQl.metricNames(
                "sum by (feed) (increase(wirewatch_feed_polls_total{outcome!~\"ok|not-modified\"}[1h])) > 0"));
        assertEquals(Set.of("a_total", "b_bucket"), PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, sink) (rate(b_bucket[15m]))) unless on(sink) a_total == 0"));
        assertEquals(Set.of("wirewatch_ingest_articles_total"), PromQl.metricNames(
                "sum(increase(wirewatch_ingest_articles_total[30m])) == 0 or absent(wirewatch_ingest_articles_total)"));
        assertEquals(Set.of("x"), PromQl.metricNames("clamp_min(x, 1e-9) * 60"));
    }

    @Test
    void scrapeNamesComeFromSampleLinesOnly() {
        assertEquals(Set.of("a_total", "b"), PromQl.scrapedNames("""
                # HELP a_total things
                # TYPE a_total counter
                a_total{sink="x"} 1.0
                b 2.0
                """));
    }
}
