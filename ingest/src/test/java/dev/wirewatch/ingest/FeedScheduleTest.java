package dev.wirewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.ingest.feed.FeedPoller;
import dev.wirewatch.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-04T06:00:00Z");
    private static final FeedSettings FEED = new FeedSettings("https://news.example/rss.xml", "News",
            Duration.ofMinutes(5));
    private final FeedSchedule schedule = new FeedSchedule(new Random(3));

    private static FeedPoller.Poll ok(int items) {
        return new FeedPoller.Poll(FEED, List.of(), List.of(), 100, "ok", null, items, null);
    }

    private static FeedPoller.Poll failed(Duration retryAfter) {
        return new FeedPoller.Poll(FEED, List.of(), List.of(), 0, "http-503", "answered HTTP 503", 0, retryAfter);
    }

    @Test
    void aGoodPollComesBackAfterTheIntervalWithJitter() {
        FeedStatus status = schedule.next(ok(12), null, T0);
        long delay = Duration.between(T0, status.nextPollAt()).toSeconds();
        assertTrue(delay >= 270 && delay <= 330, delay + " s");
        assertEquals(T0, status.lastSuccessAt());
        assertNull(status.lastErrorAt());
        assertEquals(12, status.itemsSeen());
        assertEquals(0, status.consecutiveFailures());
    }

    @Test
    void failuresBackOffExponentiallyUpToSixHoursAndAreReportedAsFailingAfterFive() {
        FeedStatus status = schedule.next(ok(3), null, T0);
        Duration[] expected = {Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(40), Duration.ofMinutes(80)};
        for (int i = 0; i < expected.length; i++) {
            assertFalse(status.failing());
            status = schedule.next(failed(null), status, T0);
            assertEquals(expected[i], Duration.between(T0, status.nextPollAt()), "after failure " + (i + 1));
        }
        assertTrue(status.failing());
        assertEquals(T0, status.lastSuccessAt(), "the last success is kept");
        assertEquals(3, status.itemsSeen());
        for (int i = 0; i < 10; i++) {
            status = schedule.next(failed(null), status, T0);
        }
        assertEquals(FeedSchedule.MAX_BACKOFF, Duration.between(T0, status.nextPollAt()));
        assertEquals(0, schedule.next(ok(3), status, T0).consecutiveFailures(), "one good poll resets");
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCappedAtADay() {
        assertEquals(Duration.ofHours(2), Duration.between(T0,
                schedule.next(failed(Duration.ofHours(2)), null, T0).nextPollAt()));
        assertEquals(FeedSchedule.MAX_RETRY_AFTER, Duration.between(T0,
                schedule.next(failed(Duration.ofDays(30)), null, T0).nextPollAt()));
        assertEquals(Duration.ofMinutes(5), Duration.between(T0,
                schedule.next(failed(Duration.ofSeconds(1)), null, T0).nextPollAt()), "shorter asks change nothing");
    }
}
