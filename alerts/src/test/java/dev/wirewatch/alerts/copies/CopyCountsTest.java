package dev.wirewatch.alerts.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.model.Duplicate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyCountsTest {

    private static final Instant T0 = Instant.parse("2026-03-04T06:00:00Z");

    private static Duplicate copy(String url, String original, Instant at) {
        return new Duplicate(1, "dup-" + url.hashCode(), url, original, 1.0, "exact-content", at);
    }

    @Test
    void distinctOtherSitesAreCountedPerOriginal() {
        CopyCounts counts = new CopyCounts(Duration.ofDays(14));
        counts.add(copy("https://www.mekong.example/a", "orig", T0));
        counts.add(copy("https://mekong.example/b", "orig", T0));
        counts.add(copy("https://saigon.example/a?utm_source=x", "orig", T0));
        counts.add(copy("https://herald.example/again", "orig", T0));
        counts.add(copy("not a url", "orig", T0));
        counts.add(copy("https://other.example/x", "another", T0));
        assertEquals(2, counts.alsoOn("orig", "https://herald.example/first"), "own site and repeats not counted");
        assertEquals(0, counts.alsoOn("unknown", "https://herald.example/x"));
    }

    @Test
    void originalsWithoutRecentCopiesExpire() {
        CopyCounts counts = new CopyCounts(Duration.ofDays(14));
        counts.add(copy("https://a.example/1", "old", T0));
        counts.add(copy("https://b.example/1", "fresh", T0.plus(Duration.ofDays(10))));
        counts.expire(T0.plus(Duration.ofDays(15)));
        assertEquals(0, counts.alsoOn("old", "https://x.example/"));
        assertEquals(1, counts.alsoOn("fresh", "https://x.example/"));
        assertEquals(1, counts.size());
    }
}
